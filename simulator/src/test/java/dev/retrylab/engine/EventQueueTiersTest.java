package dev.retrylab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact edges between the event list's tiers, on a layout worked out by hand from the rules in
 * {@link EventLadder}: 2,049 events at times 0..2,048 spill the heap (more than
 * {@link EventQueue#SPILL_AT}) into one rung over [0, 2,048] of 1,024 buckets 4 ns wide (2,048 / 1,024 rounded up to a power of two above), with the
 * top from 2,049 on.
 */
class EventQueueTiersTest {

    private static final EventTarget IGNORED = (kind, entity, payload) -> { };

    private final EventQueue queue = new EventQueue(4);
    private final List<long[]> added = new ArrayList<>();
    private final List<Long> handles = new ArrayList<>();

    @Test
    void edges_eventsAtBucketEdgesTopAndHeapLimit_runInTimeThenSchedulingOrder() {
        for (long time = 0; time <= 2_048; time++) {
            add(time);
        }
        assertThat(queue.rungsAdded()).as("rungs after the spill").isEqualTo(1);
        assertThat(queue.heapLimit).as("heap limit: the rung's start").isZero();
        add(0);                 // at the heap limit: into bucket 0
        add(3);                 // last time of bucket 0
        add(4);                 // first time of bucket 1
        add(2_048);             // last time the rung covers
        add(2_049);             // first time of the top
        add(Long.MAX_VALUE);    // top

        assertThat(queue.nextDueBy(0)).as("an event due at 0").isTrue();
        assertThat(queue.heapLimit).as("heap limit after bucket 0 went to the heap").isEqualTo(4);
        add(3);                 // before the limit: into the heap, behind the earlier events at 3
        add(4);                 // at the limit: into bucket 1, behind the earlier events at 4
        add(0);                 // the current time while the bucket drains

        assertThat(queue.cancel(handles.get(15))).as("cancel in a bucket").isTrue();
        assertThat(queue.cancel(handles.get(2_053))).as("cancel in the top").isTrue();
        assertThat(queue.cancel(handles.get(1))).as("cancel in the heap").isTrue();
        assertThat(queue.cancel(handles.get(15))).as("stale handle").isFalse();

        List<long[]> expected = new ArrayList<>(added);
        expected.removeIf(event -> event[1] == 15 || event[1] == 2_053 || event[1] == 1);
        expected.sort(Comparator.<long[]>comparingLong(event -> event[0]).thenComparingLong(event -> event[1]));
        assertThat(queue.size()).isEqualTo(expected.size());
        for (long[] event : expected) {
            assertThat(queue.nextDueBy(Long.MAX_VALUE)).isTrue();
            queue.take();
            assertThat(queue.polledTime).as("time of event %d", event[1]).isEqualTo(event[0]);
            assertThat(queue.polledEntity).as("event at %d", event[0]).isEqualTo((int) event[1]);
        }
        assertThat(queue.size()).isZero();
    }

    @Test
    void rebucketing_topReachedAfterTheRungsRunOut_keepsOrderAndThenEmptiesBackToTheHeap() {
        for (int round = 0; round < 3; round++) {
            long base = round * 1_000_000L;
            for (int i = 0; i < 3_000; i++) {
                add(base + i);   // spills over [base, base + 2,048]; the rest goes to the top
            }
            for (int i = 0; i < 7_000; i++) {
                add(base + 10_000 + (i * 7_919L) % 5_003);   // to the top, shuffled, equal times included
            }
            long last = Long.MIN_VALUE;
            long lastId = -1;
            while (queue.size() > 0) {
                assertThat(queue.nextDueBy(Long.MAX_VALUE)).isTrue();
                queue.take();
                long time = queue.polledTime;
                int id = queue.polledEntity;
                assertThat(time > last || (time == last && id > lastId)).as("event %d at %d", id, time).isTrue();
                last = time;
                lastId = id;
            }
            assertThat(queue.rungsAdded()).as("a spill and a rebucketed top per round")
                    .isGreaterThanOrEqualTo(2L * (round + 1));
        }
        add(5);
        assertThat(queue.heapLimit).as("an empty queue is the plain heap again").isEqualTo(Long.MAX_VALUE);
    }

    private void add(long time) {
        int id = added.size();
        added.add(new long[] {time, id});
        handles.add(queue.add(time, IGNORED, 0, id, 0L));
    }
}
