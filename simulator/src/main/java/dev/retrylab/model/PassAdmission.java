package dev.retrylab.model;

import dev.retrylab.engine.EventTarget;
import dev.retrylab.engine.Simulation;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.bulkhead.Bulkhead;
import dev.retrylab.strategy.retry.RetryState;

/**
 * What a client group's pass goes through before it is sent: a permit of its strategy's bulkhead,
 * if it has one, then a slot of the group's pool, if the group has one. Not thread-safe.
 *
 * <p>The bulkhead is the library's {@link Bulkhead}, inside the retry as in the executors' default
 * order (a request waiting to retry holds no permit). With no permit free, a pass waits in the
 * bulkhead's first-in-first-out queue for at most the strategy's maximum wait, then its request is
 * refused; with no wait allowed, or no room left in the queue, it is refused at once. The maximum
 * wait is the model's, as waiting is an executor's job: a pass whose wait is over hands on the
 * permit it is given later, as the executors do for a caller that stopped waiting. A permit is held
 * until the pass ends (the group calls {@link Bulkhead#exit()}).
 *
 * <p>The pool bounds the attempts of the group outstanding at once, hedges included; a pass waits
 * for a slot first in first out for as long as it takes, while a hedge is sent only if a slot is
 * free at once. A slot is held until the attempt ends for its client (response or timeout).
 *
 * <p>A request's deadline ends either wait: the request fails then, as timed out. A freed permit
 * or slot reaches a waiting pass through an event, so the pass that let it go finishes its own
 * work first. Allocation-free, except a callback for each wait for a permit.
 */
final class PassAdmission implements EventTarget {

    private static final int POOL_SLOT = 0;
    private static final int BULKHEAD_PERMIT = 1;
    private static final int BULKHEAD_WAIT_OVER = 2;
    private static final int DEADLINE_IN_BULKHEAD = 3;
    private static final int DEADLINE_IN_POOL = 4;

    private final Simulation sim;
    private final ClientPool pool;
    private final Waits waits = new Waits();
    private final ClientPopulation clients;

    /** @param pool the group's pool, or null when it has none */
    PassAdmission(Simulation sim, ClientPool pool, ClientPopulation clients) {
        this.sim = sim;
        this.pool = pool;
        this.clients = clients;
    }

    /**
     * Admits the new pass of {@code logical}, which runs {@code strategy}: the group sends it now,
     * or later when it has waited for a permit and a slot, or ends its request.
     */
    void admit(ClientStrategy strategy, int logical) {
        Bulkhead bulkhead = strategy.bulkhead();
        if (bulkhead == null || bulkhead.tryEnter()) {
            takeSlot(logical);
            return;
        }
        long maxWait = strategy.bulkheadMaxWaitNanos();
        if (maxWait > 0) {
            long serial = waits.start(logical);
            if (bulkhead.enter(() -> permitHandedOver(bulkhead, logical, serial)).isQueued()) {
                long deadline = clients.deadlineNanos(logical);
                if (deadline - sim.now() < maxWait) {
                    sim.scheduleAt(Math.max(deadline, sim.now()), this, DEADLINE_IN_BULKHEAD, logical, serial);
                } else {
                    sim.schedule(maxWait, this, BULKHEAD_WAIT_OVER, logical, serial);
                }
                return;
            }
            waits.end(logical, serial);
        }
        clients.notSent(logical, FailureKind.REJECTED, GiveUpReason.REJECTED, false);
    }

    /** Takes a pool slot for a hedge if one is free now, or if the group has no pool. */
    boolean tryTakeHedgeSlot() {
        return pool == null || pool.tryTake();
    }

    /** An attempt ended for its client: its pool slot frees, or passes to the oldest waiting pass. */
    void attemptEnded() {
        if (pool != null) {
            int next = pool.release(waits);
            if (next >= 0) {
                sim.schedule(0L, this, POOL_SLOT, next, 0L);
            }
        }
    }

    @Override
    public void onEvent(int kind, int logical, long serial) {
        switch (kind) {
            case POOL_SLOT -> clients.send(logical);
            case BULKHEAD_PERMIT -> takeSlot(logical);
            case BULKHEAD_WAIT_OVER -> {
                if (waits.end(logical, serial)) {
                    clients.notSent(logical, FailureKind.REJECTED, GiveUpReason.REJECTED, false);
                }
            }
            case DEADLINE_IN_BULKHEAD, DEADLINE_IN_POOL -> {
                if (waits.end(logical, serial)) {
                    clients.notSent(logical, FailureKind.TIMEOUT, GiveUpReason.DEADLINE, kind == DEADLINE_IN_POOL);
                }
            }
            default -> throw new IllegalStateException("unknown admission event kind " + kind);
        }
    }

    private void takeSlot(int logical) {
        if (pool == null || pool.tryTake()) {
            clients.send(logical);
            return;
        }
        long serial = waits.start(logical);
        pool.await(logical, serial);
        long deadline = clients.deadlineNanos(logical);
        if (deadline != RetryState.NO_DEADLINE) {
            sim.scheduleAt(Math.max(deadline, sim.now()), this, DEADLINE_IN_POOL, logical, serial);
        }
    }

    /**
     * The bulkhead hands a waiting pass the permit an ended pass let go, from inside that pass's
     * {@code exit()}.
     */
    private void permitHandedOver(Bulkhead bulkhead, int logical, long serial) {
        if (waits.end(logical, serial)) {
            sim.schedule(0L, this, BULKHEAD_PERMIT, logical, 0L);
        } else {
            bulkhead.exit();
        }
    }
}
