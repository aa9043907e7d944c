package dev.retrylab.model;

import dev.retrylab.engine.EventTarget;
import dev.retrylab.engine.FixedDelayLane;
import dev.retrylab.engine.Simulation;
import dev.retrylab.engine.random.RandomStreamArray;
import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.strategy.retry.RetryState;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A group of simulated clients running the library's strategy objects against one service, or
 * several (each request calls one, picked by share, with that service's own strategy objects):
 * starts logical requests as the workload says, sends attempts with a timeout, and on each
 * failure asks the strategy whether and when to retry, exactly as an executor would. Not
 * thread-safe; allocation-free per event except a retry's {@code Decision}, a rate-limited
 * failure carrying a Retry-After hint and a wait for a bulkhead permit. Each client draws its
 * jitter and throttling from its own stream, so strategies compared on one scenario differ only
 * where their decisions differ.
 *
 * <p>Local refusals follow the executors' rules: an open breaker, the throttle or a full bulkhead
 * ends the request without an attempt reaching the service; the refusal is neither an attempt nor
 * reported to the budget. The breaker decides once per pass (breaker inside the retry: a hedge
 * shares its pass's permission), so an open breaker also stops a retry loop at once. A pass may
 * wait for a bulkhead permit and a pool slot ({@link PassAdmission}); an attempt's timeout starts
 * when it is sent. A request's deadline is checked when a retry is decided, and ends a wait. With
 * hedging ({@link GroupHedging}), the attempts a request reports are its passes. A request that
 * fails for good may be answered from its client's cache ({@link CacheFallback}); it is still a
 * failed request, and is reported as served from the cache as well.
 */
public final class ClientPopulation implements EventTarget {

    static final int TIMEOUT = 2;
    static final int RESPONSE = 3;
    static final int RETRY = 4;

    private final ClientConfig config;
    private final int groupIndex;
    private final GroupTargets targets;
    private final boolean oneTarget;
    /** Null when no target's strategy hedges. */
    private final GroupHedging hedging;
    /** Null when the group has neither a pool nor a bulkhead. */
    private final PassAdmission admission;
    /** Null without a fallback. */
    private final CacheFallback cache;
    private final Simulation sim;
    private final FixedDelayLane timeouts;
    private final AttemptTable attempts;
    private final LogicalRequests requests = new LogicalRequests();
    private final WorkloadDriver workload;
    private final RandomStreamArray strategyStreams;
    private final RunRecorder recorder;
    private ServiceModel upstreamService;

    /** @param targetStreams a stream per client to pick its requests' services from; null for one service */
    ClientPopulation(ClientConfig config, int groupIndex, StrategyFactory factory, Simulation sim, AttemptTable attempts,
                     RandomGenerator workloadRng, RandomStreamArray strategyStreams, RandomStreamArray targetStreams,
                     RunRecorder recorder) {
        this.config = config;
        this.groupIndex = groupIndex;
        this.recorder = recorder;
        this.targets = new GroupTargets(config, factory, targetStreams, sim, recorder);
        this.oneTarget = targets.count() == 1;
        ClientPool pool = config.pool() == ClientConfig.UNLIMITED_POOL ? null : new ClientPool(config.pool());
        this.admission = pool == null && !targets.anyBulkhead() ? null : new PassAdmission(sim, pool, this);
        this.hedging = targets.anyHedge() ? new GroupHedging(sim, attempts, admission, this) : null;
        this.cache = targets.anyFallback() ? new CacheFallback(config.count(), targets.count()) : null;
        this.sim = sim;
        this.timeouts = sim.lane(config.attemptTimeoutNanos());
        this.attempts = attempts;
        this.workload = new WorkloadDriver(config.workload(), config.count(), sim, workloadRng, this);
        this.strategyStreams = strategyStreams;
    }

    /** Connects the group to its targets' services, in the order of {@link ClientConfig#targets()}. */
    void connect(ServiceModel[] services) {
        targets.connect(services);
    }

    /** Makes this group the downstream caller of {@code caller}: each request reports back to it. */
    void serve(ServiceModel caller) {
        this.upstreamService = caller;
    }

    /** Starts a request on behalf of {@code upstreamAttempt}, a downstream call of the upstream service. */
    void startRequestFor(int upstreamAttempt) {
        start(0, upstreamAttempt);
    }

    /** Schedules the workload's first events. */
    void start() {
        workload.start();
    }

    @Override
    public void onEvent(int kind, int entity, long payload) {
        switch (kind) {
            case TIMEOUT -> timedOut(entity);
            case RESPONSE -> responded(entity, payload);
            case RETRY -> sendAttempt(entity);
            default -> throw new IllegalStateException("unknown client event kind " + kind);
        }
    }

    /** The strategy objects request {@code logical} runs with: its client's for its target. */
    private ClientStrategy strategyOf(int logical) {
        return targets.strategy(requests.client(logical), targetOf(logical));
    }

    private int targetOf(int logical) {
        return oneTarget ? 0 : requests.target(logical);
    }

    private ServiceModel serviceOf(int logical) {
        return targets.service(targetOf(logical));
    }

    /** The hedge policy of the strategy of {@code logical}, or null when it does not hedge. */
    HedgePolicy hedgePolicy(int logical) {
        return hedging == null ? null : strategyOf(logical).hedge();
    }

    /**
     * For a finite workload (a burst, or closed loops with a number of requests per client), the
     * time the last logical request finished, once all have; otherwise, or before then, -1.
     */
    public long completionNanos() {
        return workload.completionNanos(requests.inFlight());
    }

    /** Logical requests started and not yet finished. */
    public int inFlight() {
        return requests.inFlight();
    }

    public ClientConfig config() {
        return config;
    }

    /** Starts a new logical request of {@code client}. */
    void startRequest(int client) {
        start(client, -1);
    }

    private void start(int client, int upstreamAttempt) {
        int logical = requests.open(client, sim.now());
        requests.upstream(logical, upstreamAttempt);
        int target = targets.pick(client);
        if (!oneTarget) {
            requests.target(logical, target);
        }
        recorder.requestStarted(sim.now(), client, targets.serviceIndex(target));
        ClientStrategy strategy = targets.strategy(client, target);
        if (strategy.budget() != null) {
            strategy.budget().onRequest();
        }
        sendAttempt(logical);
    }

    /** A new pass: the breaker and the throttle decide, then the bulkhead and the pool admit it. */
    private void sendAttempt(int logical) {
        ClientStrategy strategy = strategyOf(logical);
        if (strategy.breaker() != null && !strategy.breaker().tryAcquirePermission()) {
            refused(strategy, logical, FailureKind.CIRCUIT_OPEN, GiveUpReason.CIRCUIT_OPEN);
            return;
        }
        if (strategy.throttle() != null
                && !strategy.throttle().allowRequest(strategyStreams.view(requests.client(logical)))) {
            if (strategy.breaker() != null) {
                strategy.breaker().releasePermission();
            }
            refused(strategy, logical, FailureKind.REJECTED, GiveUpReason.THROTTLED);
            return;
        }
        if (admission == null) {
            send(logical);
        } else {
            admission.admit(strategy, logical);
        }
    }

    /**
     * The new pass of {@code logical} is not sent: the bulkhead refused it (at once or when its
     * wait was over), or the request's deadline passed while it waited for a permit or for a pool
     * slot ({@code inPool}, holding a permit if the strategy has a bulkhead). Permit and breaker
     * permission go back; the request ends with {@code kind} and {@code reason}.
     */
    void notSent(int logical, FailureKind kind, GiveUpReason reason, boolean inPool) {
        ClientStrategy strategy = strategyOf(logical);
        if (inPool && strategy.bulkhead() != null) {
            strategy.bulkhead().exit();
        }
        if (strategy.breaker() != null) {
            strategy.breaker().releasePermission();
        }
        refused(strategy, logical, kind, reason);
    }

    /** When the deadline of {@code logical} passes, in virtual time; {@link RetryState#NO_DEADLINE} for none. */
    long deadlineNanos(int logical) {
        return config.deadlineNanos() == 0 ? RetryState.NO_DEADLINE
                : requests.startNanos(logical) + config.deadlineNanos();
    }

    /** Sends the first attempt of a pass that was admitted. */
    void send(int logical) {
        int number = requests.attemptStarted(logical);
        HedgePolicy policy = hedgePolicy(logical);
        if (policy == null) {
            launch(logical, number > 1, false);
        } else {
            hedging.passStarted(logical, policy, number > 1);
        }
    }

    /**
     * A local refusal, or a deadline passed before an attempt was sent, ends the request; a strategy
     * that learns hears of it if attempts were made.
     */
    private void refused(ClientStrategy strategy, int logical, FailureKind kind, GiveUpReason reason) {
        int made = requests.attempts(logical);
        if (made > 0 && strategy.retry().learnsFromCalls()) {
            strategy.retry().callFinished(made, false, sim.now());
        }
        finishFailed(logical, kind, reason);
    }

    /** Sends an attempt of {@code logical}; returns its id. */
    int launch(int logical, boolean retry, boolean hedge) {
        long now = sim.now();
        int id = attempts.open(logical, requests.client(logical), groupIndex, now);
        recorder.attemptStarted(now, retry);
        if (hedge) {
            recorder.hedgeStarted(now);
        }
        attempts.timeoutHandle(id, timeouts.schedule(this, TIMEOUT, id, 0L));
        serviceOf(logical).submit(id);
        return id;
    }

    /** The client gives up attempt {@code id} of {@code logical}, whose pass another attempt won. */
    void abandon(int logical, int id) {
        sim.cancel(attempts.timeoutHandle(id));
        attemptEnded(id);
        serviceOf(logical).abandoned(id);
    }

    private void responded(int id, long outcome) {
        boolean waiting = attempts.clientWaiting(id);
        attempts.serverDone(id);
        if (!waiting) {
            return;
        }
        sim.cancel(attempts.timeoutHandle(id));
        int logical = attempts.logical(id);
        long latency = sim.now() - attempts.startNanos(id);
        if (Outcome.isSuccess(outcome)) {
            recorder.attemptSucceeded(sim.now(), latency);
            HedgePolicy policy = hedgePolicy(logical);
            if (policy != null) {
                hedging.won(logical, id, policy, latency);
            }
            attemptEnded(id);
            succeeded(logical);
        } else {
            attemptFailed(logical, id, Outcome.kind(outcome), Outcome.retryAfterNanos(outcome), latency);
        }
    }

    private void timedOut(int id) {
        int logical = attempts.logical(id);
        long latency = sim.now() - attempts.startNanos(id);
        serviceOf(logical).abandoned(id);
        attemptFailed(logical, id, FailureKind.TIMEOUT, 0L, latency);
    }

    /** The client stops waiting for attempt {@code id}. */
    private void attemptEnded(int id) {
        attempts.clientDone(id);
        if (admission != null) {
            admission.attemptEnded();
        }
    }

    /**
     * One attempt failed. Without hedging the pass failed with it; with hedging, the pass fails
     * when its last outstanding attempt has, reporting a Retry-After hint if any attempt got one.
     */
    private void attemptFailed(int logical, int id, FailureKind kind, long retryAfterNanos, long latency) {
        recorder.attemptFailed(sim.now(), kind, latency);
        attemptEnded(id);
        HedgePolicy policy = hedgePolicy(logical);
        if (policy == null) {
            failed(logical, kind, retryAfterNanos);
        } else if (hedging.attemptFailed(logical, id, policy, kind, retryAfterNanos, latency)) {
            failed(logical, hedging.failureKind(logical), hedging.retryAfterNanos(logical));
        }
    }

    /** The pass of {@code logical} succeeded: the request did. */
    private void succeeded(int logical) {
        ClientStrategy strategy = strategyOf(logical);
        long now = sim.now();
        if (strategy.bulkhead() != null) {
            strategy.bulkhead().exit();
        }
        if (cache != null) {
            cache.succeeded(requests.client(logical), targetOf(logical), now);
        }
        if (strategy.breaker() != null) {
            strategy.breaker().onSuccess();
        }
        if (strategy.throttle() != null) {
            strategy.throttle().onAccepted();
        }
        int made = requests.attempts(logical);
        if (strategy.budget() != null) {
            if (made > 1) {
                strategy.budget().onSuccessAfterRetry(requests.lastFailure(logical));
            } else {
                strategy.budget().onSuccess(false);
            }
        }
        if (strategy.retry().learnsFromCalls()) {
            strategy.retry().callFinished(made, true, now);
        }
        recorder.requestSucceeded(now, now - requests.startNanos(logical), made);
        finish(logical, true);
    }

    /** The pass of {@code logical} failed: the strategy decides whether and when to retry. */
    private void failed(int logical, FailureKind kind, long retryAfterNanos) {
        ClientStrategy strategy = strategyOf(logical);
        long now = sim.now();
        if (strategy.bulkhead() != null) {
            strategy.bulkhead().exit();
        }
        Failure failure = retryAfterNanos > 0
                ? new Failure(kind, 0, Duration.ofNanos(retryAfterNanos), null) : Failure.of(kind);
        if (strategy.breaker() != null) {
            strategy.breaker().onFailure(failure);
        }
        if (strategy.throttle() != null) {
            strategy.throttle().onFailure(kind);
        }
        if (strategy.budget() != null) {
            strategy.budget().onFailure(kind);
        }
        requests.lastFailure(logical, kind);
        RetryState state = requests.stateAfterFailure(logical, deadlineNanos(logical));
        Decision decision = strategy.retry().classification().isRetryable(failure)
                ? strategy.retry().decide(state, failure, now, strategyStreams.view(requests.client(logical)))
                : Decision.giveUp(GiveUpReason.NOT_RETRYABLE);
        if (decision.retry() && strategy.budget() != null
                && !strategy.budget().tryAcquireRetry(kind, decision.delayNanos())) {
            decision = Decision.giveUp(GiveUpReason.BUDGET_EXHAUSTED);
        }
        if (!decision.retry()) {
            if (strategy.retry().learnsFromCalls()) {
                strategy.retry().callFinished(requests.attempts(logical), false, now);
            }
            finishFailed(logical, kind, decision.reason());
            return;
        }
        state.attemptStarted();
        requests.saveState(logical, state);
        sim.schedule(decision.delayNanos(), this, RETRY, logical, 0L);
    }

    private void finishFailed(int logical, FailureKind kind, GiveUpReason reason) {
        long now = sim.now();
        recorder.requestFailed(now, now - requests.startNanos(logical), requests.attempts(logical), kind, reason);
        if (cache != null && cache.answers(requests.client(logical), targetOf(logical), kind,
                strategyOf(logical).cacheTtlNanos(), now)) {
            recorder.servedFromCache(now);
        }
        finish(logical, false);
    }

    private void finish(int logical, boolean succeeded) {
        int client = requests.client(logical);
        int upstreamAttempt = requests.upstream(logical);
        requests.close(logical);
        if (hedging != null) {
            hedging.closed(logical);
        }
        if (upstreamAttempt >= 0) {
            upstreamService.downstreamDone(upstreamAttempt, succeeded);
        } else {
            workload.finished(client);
        }
    }
}
