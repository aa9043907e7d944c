package dev.retrylab.model;

import java.util.Arrays;

/** A FIFO of ints in a growable ring buffer; allocation-free once grown. Not thread-safe. */
final class IntQueue {

    private int[] items;
    private int head;
    private int size;

    IntQueue(int initialCapacity) {
        items = new int[Math.max(4, initialCapacity)];
    }

    void add(int value) {
        if (size == items.length) {
            int[] bigger = new int[items.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = items[(head + i) % items.length];
            }
            items = bigger;
            head = 0;
        }
        items[(head + size) % items.length] = value;
        size++;
    }

    /** Removes and returns the oldest value; the queue must not be empty. */
    int poll() {
        int value = items[head];
        head = head + 1 == items.length ? 0 : head + 1;
        size--;
        return value;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        head = 0;
        size = 0;
        Arrays.fill(items, 0);
    }
}
