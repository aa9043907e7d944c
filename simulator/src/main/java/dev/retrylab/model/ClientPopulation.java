package dev.retrylab.model;

import dev.retrylab.engine.EventTarget;
import dev.retrylab.engine.Simulation;
import dev.retrylab.engine.random.RandomStreamArray;
import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.retry.RetryState;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A group of simulated clients running the library's strategy objects against one service:
 * starts logical requests as the workload says, sends attempts with a timeout, and on each
 * failure asks the strategy whether and when to retry, exactly as an executor would. Not
 * thread-safe; allocation-free per event except a rate-limited failure carrying a Retry-After
 * hint. Each client draws its jitter and throttling from its own stream, so strategies compared
 * on one scenario differ only where their decisions differ.
 *
 * <p>Local refusals follow the executors' rules: an open breaker or the throttle ends the request
 * without an attempt reaching the service; the refusal is neither an attempt nor reported to the
 * budget. The breaker sees every attempt (breaker inside the retry), so an open breaker also stops
 * a retry loop at once.
 *
 * <p>A {@link Workload.Burst} starts its clients one at a time in order of index, each start event
 * scheduling the next, so a million-client herd keeps one pending start event instead of a
 * million. The start times are the ascending order statistics of {@code count} uniform draws over
 * the spread, generated one by one (the minimum of k uniforms on [m, 1) is
 * {@code 1 - (1 - m)·V^(1/k)}; Devroye, <i>Non-Uniform Random Variate Generation</i>, 1986,
 * ch. V.3), so the set of start times has the distribution of independent uniform starts.
 */
public final class ClientPopulation implements EventTarget {

    static final int ARRIVAL = 0;
    static final int CLIENT_NEXT = 1;
    static final int TIMEOUT = 2;
    static final int RESPONSE = 3;
    static final int RETRY = 4;

    private final ClientConfig config;
    private final ClientStrategy strategy;
    private final Classification classification;
    private final Simulation sim;
    private final AttemptTable attempts;
    private final LogicalRequests requests = new LogicalRequests();
    private final RandomGenerator workloadRng;
    private final RandomStreamArray strategyStreams;
    private final RunRecorder recorder;
    private final int[] requestsLeft;
    private ServiceModel service;
    /** In a burst, 1 minus the spread fraction of the latest start drawn (1 before the first). */
    private double burstRemaining = 1.0;

    ClientPopulation(ClientConfig config, ClientStrategy strategy, Simulation sim, AttemptTable attempts,
                     RandomGenerator workloadRng, RandomStreamArray strategyStreams, RunRecorder recorder) {
        this.config = config;
        this.strategy = strategy;
        this.classification = strategy.retry().classification();
        this.sim = sim;
        this.attempts = attempts;
        this.workloadRng = workloadRng;
        this.strategyStreams = strategyStreams;
        this.recorder = recorder;
        this.requestsLeft = config.workload() instanceof Workload.ClosedLoop closed && closed.requestsPerClient() > 0
                ? new int[config.count()] : null;
    }

    void connect(ServiceModel target) {
        this.service = target;
    }

    /** Schedules the workload's first events. */
    void start() {
        Workload workload = config.workload();
        if (workload instanceof Workload.OpenLoop open) {
            sim.schedule(exponentialNanos(open.ratePerSecond()), this, ARRIVAL, -1, 0L);
        } else if (workload instanceof Workload.Burst burst) {
            sim.scheduleAt(nextBurstStart(burst, 0), this, CLIENT_NEXT, 0, 0L);
        } else if (workload instanceof Workload.ClosedLoop closed) {
            for (int client = 0; client < config.count(); client++) {
                if (requestsLeft != null) {
                    requestsLeft[client] = closed.requestsPerClient();
                }
                sim.schedule(spread(closed.startSpreadNanos()), this, CLIENT_NEXT, client, 0L);
            }
        }
    }

    @Override
    public void onEvent(int kind, int entity, long payload) {
        switch (kind) {
            case ARRIVAL -> {
                Workload.OpenLoop open = (Workload.OpenLoop) config.workload();
                sim.schedule(exponentialNanos(open.ratePerSecond()), this, ARRIVAL, -1, 0L);
                startRequest(workloadRng.nextInt(config.count()));
            }
            case CLIENT_NEXT -> {
                if (requestsLeft != null) {
                    requestsLeft[entity]--;
                }
                if (config.workload() instanceof Workload.Burst burst && entity + 1 < config.count()) {
                    sim.scheduleAt(nextBurstStart(burst, entity + 1), this, CLIENT_NEXT, entity + 1, 0L);
                }
                startRequest(entity);
            }
            case TIMEOUT -> timedOut(entity);
            case RESPONSE -> responded(entity, payload);
            default -> sendAttempt(entity);
        }
    }

    /** Logical requests started and not yet finished. */
    public int inFlight() {
        return requests.inFlight();
    }

    public ClientConfig config() {
        return config;
    }

    private void startRequest(int client) {
        int logical = requests.open(client, sim.now());
        recorder.requestStarted(sim.now(), client);
        if (strategy.budget() != null) {
            strategy.budget().onRequest();
        }
        sendAttempt(logical);
    }

    private void sendAttempt(int logical) {
        if (strategy.breaker() != null && !strategy.breaker().tryAcquirePermission()) {
            finishFailed(logical, FailureKind.CIRCUIT_OPEN, GiveUpReason.CIRCUIT_OPEN);
            return;
        }
        if (strategy.throttle() != null
                && !strategy.throttle().allowRequest(strategyStreams.view(requests.client(logical)))) {
            if (strategy.breaker() != null) {
                strategy.breaker().releasePermission();
            }
            finishFailed(logical, FailureKind.REJECTED, GiveUpReason.THROTTLED);
            return;
        }
        int number = requests.attemptStarted(logical);
        long now = sim.now();
        int id = attempts.open(logical, requests.client(logical), now);
        recorder.attemptStarted(now, number > 1);
        attempts.timeoutHandle(id, sim.schedule(config.attemptTimeoutNanos(), this, TIMEOUT, id, 0L));
        service.submit(id);
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
        attempts.clientDone(id);
        if (Outcome.isSuccess(outcome)) {
            succeeded(logical, latency);
        } else {
            failed(logical, Outcome.kind(outcome), Outcome.retryAfterNanos(outcome), latency);
        }
    }

    private void timedOut(int id) {
        int logical = attempts.logical(id);
        long latency = sim.now() - attempts.startNanos(id);
        attempts.clientDone(id);
        service.abandoned(id);
        failed(logical, FailureKind.TIMEOUT, 0L, latency);
    }

    private void succeeded(int logical, long attemptLatency) {
        long now = sim.now();
        recorder.attemptSucceeded(now, attemptLatency);
        if (strategy.breaker() != null) {
            strategy.breaker().onSuccess();
        }
        if (strategy.throttle() != null) {
            strategy.throttle().onAccepted();
        }
        int made = requests.attempts(logical);
        if (strategy.budget() != null) {
            strategy.budget().onSuccess(made > 1);
        }
        if (strategy.retry().learnsFromCalls()) {
            strategy.retry().callFinished(made, true, now);
        }
        recorder.requestSucceeded(now, now - requests.startNanos(logical), made);
        finish(logical);
    }

    private void failed(int logical, FailureKind kind, long retryAfterNanos, long attemptLatency) {
        long now = sim.now();
        recorder.attemptFailed(now, kind, attemptLatency);
        Failure failure = retryAfterNanos > 0
                ? new Failure(kind, 0, Duration.ofNanos(retryAfterNanos), null) : Failure.of(kind);
        if (strategy.breaker() != null) {
            strategy.breaker().onFailure(failure);
        }
        if (strategy.throttle() != null) {
            if (isOverload(kind)) {
                strategy.throttle().onRejectedByBackend();
            } else {
                strategy.throttle().onAccepted();
            }
        }
        if (strategy.budget() != null) {
            strategy.budget().onFailure(kind);
        }
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
        sim.schedule(decision.delayNanos(), this, RETRY, logical, 0L);
    }

    private void finishFailed(int logical, FailureKind kind, GiveUpReason reason) {
        long now = sim.now();
        recorder.requestFailed(now, now - requests.startNanos(logical), requests.attempts(logical), kind, reason);
        finish(logical);
    }

    private void finish(int logical) {
        int client = requests.client(logical);
        requests.close(logical);
        if (config.workload() instanceof Workload.ClosedLoop closed
                && (requestsLeft == null || requestsLeft[client] > 0)) {
            sim.schedule(closed.thinkNanos(), this, CLIENT_NEXT, client, 0L);
        }
    }

    private long exponentialNanos(double ratePerSecond) {
        return (long) (-Math.log(1.0 - workloadRng.nextDouble()) / ratePerSecond * 1e9);
    }

    /**
     * The start time of burst client {@code client}, the smallest of the {@code count - client}
     * uniform starts not yet drawn; never before the previous client's.
     */
    private long nextBurstStart(Workload.Burst burst, int client) {
        long spreadNanos = burst.spreadNanos();
        if (spreadNanos == 0) {
            return burst.atNanos();
        }
        int left = config.count() - client;
        burstRemaining *= Math.pow(1.0 - workloadRng.nextDouble(), 1.0 / left);
        long offset = (long) ((1.0 - burstRemaining) * spreadNanos);
        return burst.atNanos() + Math.min(offset, spreadNanos - 1);
    }

    private long spread(long spreadNanos) {
        return spreadNanos == 0 ? 0L : (long) (workloadRng.nextDouble() * spreadNanos);
    }

    private static boolean isOverload(FailureKind kind) {
        return kind == FailureKind.TIMEOUT || kind == FailureKind.CONNECTION
                || kind == FailureKind.RATE_LIMITED || kind == FailureKind.UNAVAILABLE;
    }
}
