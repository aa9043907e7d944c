package dev.retrylab.model;

import dev.retrylab.engine.EventTarget;
import dev.retrylab.engine.FixedDelayLane;
import dev.retrylab.engine.Simulation;
import dev.retrylab.engine.random.RandomStreamArray;
import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.breaker.CircuitState;
import dev.retrylab.strategy.retry.RetryState;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A group of simulated clients running the library's strategy objects against one service:
 * starts logical requests as the workload says, sends attempts with a timeout, and on each
 * failure asks the strategy whether and when to retry, exactly as an executor would. Not
 * thread-safe; allocation-free per event except a retry's {@code Decision} and a rate-limited
 * failure carrying a Retry-After hint. Each client draws its jitter and throttling from its own
 * stream, so strategies compared on one scenario differ only where their decisions differ.
 *
 * <p>Local refusals follow the executors' rules: an open breaker or the throttle ends the request
 * without an attempt reaching the service; the refusal is neither an attempt nor reported to the
 * budget. The breaker decides once per pass (breaker inside the retry: a hedge shares its pass's
 * permission), so an open breaker also stops a retry loop at once. A request's deadline is checked
 * when a retry is decided. With hedging, the attempts a request reports are its passes.
 */
public final class ClientPopulation implements EventTarget {

    static final int TIMEOUT = 2;
    static final int RESPONSE = 3;
    static final int RETRY = 4;
    static final int HEDGE = 5;

    private final ClientConfig config;
    private final int groupIndex;
    private final StrategyFactory factory;
    private final ClientStrategy shared;
    private final ClientStrategy[] perClient;
    private final HedgedPasses passes;
    private final Classification classification;
    private final Simulation sim;
    private final FixedDelayLane timeouts;
    private final AttemptTable attempts;
    private final LogicalRequests requests = new LogicalRequests();
    private final WorkloadDriver workload;
    private final RandomStreamArray strategyStreams;
    private final RunRecorder recorder;
    private ServiceModel service;
    private ServiceModel upstreamService;

    ClientPopulation(ClientConfig config, int groupIndex, StrategyFactory factory, Simulation sim, AttemptTable attempts,
                     RandomGenerator workloadRng, RandomStreamArray strategyStreams, RunRecorder recorder) {
        this.config = config;
        this.groupIndex = groupIndex;
        this.factory = factory;
        this.recorder = recorder;
        this.perClient = factory.perClient() ? new ClientStrategy[config.count()] : null;
        this.shared = watched(factory.create(sim), perClient == null ? config.count() : 1);
        this.classification = shared.retry().classification();
        this.passes = shared.hedge() == null ? null : new HedgedPasses();
        this.sim = sim;
        this.timeouts = sim.lane(config.attemptTimeoutNanos());
        this.attempts = attempts;
        this.workload = new WorkloadDriver(config.workload(), config.count(), sim, workloadRng, this);
        this.strategyStreams = strategyStreams;
    }

    void connect(ServiceModel target) {
        this.service = target;
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
            case HEDGE -> hedge(entity, payload);
            case RETRY -> sendAttempt(entity);
            default -> throw new IllegalStateException("unknown client event kind " + kind);
        }
    }

    /**
     * The strategy objects of {@code client}: the group's shared ones, or the client's own,
     * made on its first request, when the factory scopes them per client.
     */
    private ClientStrategy strategyOf(int client) {
        if (perClient == null) {
            return shared;
        }
        ClientStrategy own = perClient[client];
        if (own == null) {
            own = watched(factory.create(sim), 1);
            perClient[client] = own;
        }
        return own;
    }

    /** Reports when the strategy's breaker opens or leaves open, for the {@code clients} it serves. */
    private ClientStrategy watched(ClientStrategy strategy, int clients) {
        if (strategy.breaker() != null) {
            strategy.breaker().addListener(change -> {
                if (change.to() == CircuitState.OPEN) {
                    recorder.openBreakers(clients, change.atNanos());
                } else if (change.from() == CircuitState.OPEN) {
                    recorder.openBreakers(-clients, change.atNanos());
                }
            });
        }
        return strategy;
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
        recorder.requestStarted(sim.now(), client);
        ClientStrategy strategy = strategyOf(client);
        if (strategy.budget() != null) {
            strategy.budget().onRequest();
        }
        sendAttempt(logical);
    }

    private void sendAttempt(int logical) {
        ClientStrategy strategy = strategyOf(requests.client(logical));
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
        int number = requests.attemptStarted(logical);
        if (passes == null) {
            launch(logical, number > 1, false);
            return;
        }
        long pass = passes.startPass(logical);
        launch(logical, number > 1, false);
        strategy.hedge().callStarted();
        if (strategy.hedge().mayStartHedge(0)) {
            sim.schedule(strategy.hedge().hedgeDelayNanos(), this, HEDGE, logical, pass);
        }
    }

    /** A local refusal ends the request; a strategy that learns hears of it if attempts were made. */
    private void refused(ClientStrategy strategy, int logical, FailureKind kind, GiveUpReason reason) {
        int made = requests.attempts(logical);
        if (made > 0 && strategy.retry().learnsFromCalls()) {
            strategy.retry().callFinished(made, false, sim.now());
        }
        finishFailed(logical, kind, reason);
    }

    private void launch(int logical, boolean retry, boolean hedge) {
        long now = sim.now();
        int id = attempts.open(logical, requests.client(logical), groupIndex, now);
        if (passes != null) {
            passes.added(logical, id, attempts, hedge);
        }
        recorder.attemptStarted(now, retry);
        if (hedge) {
            recorder.hedgeStarted(now);
        }
        attempts.timeoutHandle(id, timeouts.schedule(this, TIMEOUT, id, 0L));
        service.submit(id);
    }

    /** The hedge delay of pass {@code pass} passed: one more attempt, unless the pass ended or failed. */
    private void hedge(int logical, long pass) {
        if (!passes.mayHedge(logical, pass)) {
            return;
        }
        var policy = strategyOf(requests.client(logical)).hedge();
        if (!policy.mayStartHedge(passes.hedges(logical))) {
            return;
        }
        policy.hedgeStarted();
        launch(logical, false, true);
        if (policy.mayStartHedge(passes.hedges(logical))) {
            sim.schedule(policy.hedgeDelayNanos(), this, HEDGE, logical, pass);
        }
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
            if (passes != null) {
                hedgedPassWon(logical, id, latency);
            }
            attempts.clientDone(id);
            succeeded(logical);
        } else {
            attemptFailed(logical, id, Outcome.kind(outcome), Outcome.retryAfterNanos(outcome), latency);
        }
    }

    private void timedOut(int id) {
        int logical = attempts.logical(id);
        long latency = sim.now() - attempts.startNanos(id);
        service.abandoned(id);
        attemptFailed(logical, id, FailureKind.TIMEOUT, 0L, latency);
    }

    /**
     * One attempt failed. Without hedging the pass failed with it; with hedging, the pass fails
     * when its last outstanding attempt has, reporting a Retry-After hint if any attempt got one.
     */
    private void attemptFailed(int logical, int id, FailureKind kind, long retryAfterNanos, long latency) {
        recorder.attemptFailed(sim.now(), kind, latency);
        attempts.clientDone(id);
        if (passes == null) {
            failed(logical, kind, retryAfterNanos);
            return;
        }
        strategyOf(requests.client(logical)).hedge().recordLatency(latency);
        passes.failure(logical, kind, retryAfterNanos);
        if (passes.ended(logical, id, attempts) == 0) {
            failed(logical, passes.failureKind(logical), passes.retryAfterNanos(logical));
        }
    }

    /** Attempt {@code id} won its pass: the other attempts of the pass are abandoned. */
    private void hedgedPassWon(int logical, int id, long latency) {
        var policy = strategyOf(requests.client(logical)).hedge();
        policy.recordLatency(latency);
        if (passes.isHedge(logical, id)) {
            policy.hedgeWon();
        }
        passes.ended(logical, id, attempts);
        for (int other = passes.firstOutstanding(logical); other >= 0; ) {
            int next = attempts.sibling(other);
            sim.cancel(attempts.timeoutHandle(other));
            attempts.clientDone(other);
            service.abandoned(other);
            policy.attemptCancelled();
            other = next;
        }
    }

    private void succeeded(int logical) {
        ClientStrategy strategy = strategyOf(requests.client(logical));
        long now = sim.now();
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

    private void failed(int logical, FailureKind kind, long retryAfterNanos) {
        ClientStrategy strategy = strategyOf(requests.client(logical));
        long now = sim.now();
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
        long deadline = config.deadlineNanos() == 0 ? RetryState.NO_DEADLINE
                : requests.startNanos(logical) + config.deadlineNanos();
        RetryState state = requests.stateAfterFailure(logical, deadline);
        Decision decision = classification.isRetryable(failure)
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
        finish(logical, false);
    }

    private void finish(int logical, boolean succeeded) {
        int client = requests.client(logical);
        int upstreamAttempt = requests.upstream(logical);
        requests.close(logical);
        if (passes != null) {
            passes.closed(logical);
        }
        if (upstreamAttempt >= 0) {
            upstreamService.downstreamDone(upstreamAttempt, succeeded);
        } else {
            workload.finished(client);
        }
    }
}
