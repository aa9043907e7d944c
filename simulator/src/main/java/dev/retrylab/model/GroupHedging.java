package dev.retrylab.model;

import dev.retrylab.engine.EventTarget;
import dev.retrylab.engine.Simulation;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.hedge.HedgePolicy;

/**
 * Hedging for the requests of a client group whose strategy hedges: a pass starts with one
 * attempt, and each time the hedge policy's delay passes while the pass is still waiting, one more
 * attempt of it is sent, up to the policy's limit. The first success wins the pass and the other
 * attempts are abandoned; the pass fails when all its attempts have. The attempts a request
 * reports are its passes. Not thread-safe; allocation-free once grown.
 */
final class GroupHedging implements EventTarget {

    private static final int HEDGE = 0;

    private final HedgedPasses passes = new HedgedPasses();
    private final Simulation sim;
    private final AttemptTable attempts;
    private final PassAdmission admission;
    private final ClientPopulation clients;

    /** @param admission the group's admission, whose pool a hedge takes a slot of; null for none */
    GroupHedging(Simulation sim, AttemptTable attempts, PassAdmission admission, ClientPopulation clients) {
        this.sim = sim;
        this.attempts = attempts;
        this.admission = admission;
        this.clients = clients;
    }

    /** Sends the first attempt of a new pass of {@code logical}, and times its first hedge. */
    void passStarted(int logical, HedgePolicy policy, boolean retry) {
        long pass = passes.startPass(logical);
        passes.added(logical, clients.launch(logical, retry, false), attempts, false);
        policy.callStarted();
        if (policy.mayStartHedge(0)) {
            sim.schedule(policy.hedgeDelayNanos(), this, HEDGE, logical, pass);
        }
    }

    /** The hedge delay of pass {@code pass} passed: one more attempt, unless the pass ended or failed. */
    @Override
    public void onEvent(int kind, int logical, long pass) {
        if (kind != HEDGE) {
            throw new IllegalStateException("unknown hedging event kind " + kind);
        }
        if (!passes.mayHedge(logical, pass)) {
            return;
        }
        HedgePolicy policy = clients.hedgePolicy(logical);
        if (!policy.mayStartHedge(passes.hedges(logical))
                || (admission != null && !admission.tryTakeHedgeSlot())) {
            return;
        }
        policy.hedgeStarted();
        passes.added(logical, clients.launch(logical, false, true), attempts, true);
        if (policy.mayStartHedge(passes.hedges(logical))) {
            sim.schedule(policy.hedgeDelayNanos(), this, HEDGE, logical, pass);
        }
    }

    /**
     * Attempt {@code id} of {@code logical}'s pass failed: true when the pass has failed with it,
     * its last outstanding attempt; then {@link #failureKind} and {@link #retryAfterNanos} say
     * how, a Retry-After hint of any attempt winning.
     */
    boolean attemptFailed(int logical, int id, HedgePolicy policy, FailureKind kind, long retryAfterNanos,
                          long latency) {
        policy.recordLatency(latency);
        passes.failure(logical, kind, retryAfterNanos);
        return passes.ended(logical, id, attempts) == 0;
    }

    FailureKind failureKind(int logical) {
        return passes.failureKind(logical);
    }

    long retryAfterNanos(int logical) {
        return passes.retryAfterNanos(logical);
    }

    /** Attempt {@code id} won its pass: the other attempts of the pass are abandoned. */
    void won(int logical, int id, HedgePolicy policy, long latency) {
        policy.recordLatency(latency);
        if (passes.isHedge(logical, id)) {
            policy.hedgeWon();
        }
        passes.ended(logical, id, attempts);
        for (int other = passes.firstOutstanding(logical); other >= 0; ) {
            int next = attempts.sibling(other);
            clients.abandon(logical, other);
            policy.attemptCancelled();
            other = next;
        }
    }

    /** The request's id was freed: no hedge timer of its passes may act. */
    void closed(int logical) {
        passes.closed(logical);
    }
}
