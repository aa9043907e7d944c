package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.backoff.Jitter;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A thundering herd with retries, the model the herd benchmark times at a million clients, here at
 * 10,000: every client sends exactly one logical request, requests are conserved at every step
 * (started = succeeded + failed + in flight), and all have finished at the end.
 */
class BurstHerdTest {

    private static final int CLIENTS = 10_000;
    private static final long MILLI = 1_000_000L;
    private static final long SPREAD = 10 * MILLI;

    @Test
    void burstWithRetries_everyClientSendsOneRequestAndRequestsAreConserved() {
        HerdTally tally = new HerdTally(CLIENTS);
        SimulatedSystem system = herd(SPREAD, tally);

        for (long t = 0; t <= 5_000 * MILLI; t += 50 * MILLI) {
            system.runUntil(t);
            assertThat(tally.requests).as("conservation at %d ms", t / MILLI)
                    .isEqualTo(tally.successes + tally.failures + system.inFlight());
        }

        assertThat(system.inFlight()).isZero();
        assertThat(tally.requests).isEqualTo(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            assertThat(tally.startsPerClient[client]).as("requests of client %d", client).isEqualTo(1);
        }
        assertThat(tally.successes + tally.failures).isEqualTo(CLIENTS);
        assertThat(tally.attemptsOfFinished).as("attempts counted by finished requests").isEqualTo(tally.attempts);
        assertThat(tally.maxAttempts).isLessThanOrEqualTo(5);
        // the herd is a herd: the queues overflow, attempts time out, clients retry and some give up
        assertThat(tally.attemptFailures.get(FailureKind.UNAVAILABLE)).isPositive();
        assertThat(tally.attemptFailures.get(FailureKind.TIMEOUT)).isPositive();
        assertThat(tally.retries).isGreaterThan(CLIENTS);
        assertThat(tally.giveUps.get(GiveUpReason.MAX_ATTEMPTS)).isPositive();
        assertThat(tally.successes).isPositive();
    }

    @Test
    void burstWithSpread_startsInClientOrderUniformlyOverTheSpread() {
        HerdTally tally = new HerdTally(CLIENTS);
        SimulatedSystem system = herd(SPREAD, tally);
        system.runUntil(SPREAD);

        double sum = 0;
        for (int client = 0; client < CLIENTS; client++) {
            long start = tally.startNanos[client];
            assertThat(start).isBetween(0L, SPREAD - 1);
            if (client > 0) {
                assertThat(start).isGreaterThanOrEqualTo(tally.startNanos[client - 1]);
            }
            sum += start;
        }
        // the mean of n uniforms on [0, s) is s/2 with standard error s/sqrt(12 n); within 4 of them
        double standardError = SPREAD / Math.sqrt(12.0 * CLIENTS);
        assertThat(sum / CLIENTS).isBetween(SPREAD / 2.0 - 4 * standardError, SPREAD / 2.0 + 4 * standardError);
    }

    @Test
    void burstWithoutSpread_startsEveryClientAtTheSameInstant() {
        HerdTally tally = new HerdTally(CLIENTS);
        SimulatedSystem system = herd(0L, tally);
        system.runUntil(0L);

        assertThat(tally.requests).isEqualTo(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            assertThat(tally.startNanos[client]).isZero();
        }
    }

    /** 10,000 clients against 10 workers of 1 ms with queues of 50 (about 10 ms of wait) and a 10 ms timeout. */
    private static SimulatedSystem herd(long spreadNanos, RunRecorder recorder) {
        ServiceConfig service = new ServiceConfig("api", 2, 5, 50,
                DurationDistribution.exponential(Duration.ofMillis(1)), 0L, MILLI, false,
                LoadBalancing.ROUND_ROBIN, 0.0, FailureKind.UNAVAILABLE);
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(5)
                .backoff(Backoff.exponential(Duration.ofMillis(100), 2.0).withCap(Duration.ofSeconds(2))
                        .withJitter(Jitter.FULL))
                .build();
        return SimulatedSystem.builder(7L, 0L)
                .service(service)
                .clients(new ClientConfig("herd", CLIENTS, "api", new Workload.Burst(0L, spreadNanos), 10 * MILLI, 0L),
                        clock -> ClientStrategy.of("exponential-full-jitter", policy))
                .recorder(recorder)
                .build();
    }

    /** Counts per client and in total. */
    private static final class HerdTally implements RunRecorder {
        final int[] startsPerClient;
        final long[] startNanos;
        final Map<FailureKind, Long> attemptFailures = new EnumMap<>(FailureKind.class);
        final Map<GiveUpReason, Long> giveUps = new EnumMap<>(GiveUpReason.class);
        long requests;
        long attempts;
        long retries;
        long successes;
        long failures;
        long attemptsOfFinished;
        int maxAttempts;

        HerdTally(int clients) {
            startsPerClient = new int[clients];
            startNanos = new long[clients];
        }

        @Override
        public void requestStarted(long nowNanos) {
            throw new AssertionError("the model reports the client that starts a request");
        }

        @Override
        public void requestStarted(long nowNanos, int client) {
            requests++;
            startsPerClient[client]++;
            startNanos[client] = nowNanos;
        }

        @Override
        public void attemptStarted(long nowNanos, boolean retry) {
            attempts++;
            if (retry) {
                retries++;
            }
        }

        @Override
        public void attemptFailed(long nowNanos, FailureKind kind, long latencyNanos) {
            attemptFailures.merge(kind, 1L, Long::sum);
        }

        @Override
        public void requestSucceeded(long nowNanos, long latencyNanos, int attemptsMade) {
            successes++;
            finished(attemptsMade);
        }

        @Override
        public void requestFailed(long nowNanos, long latencyNanos, int attemptsMade, FailureKind lastKind,
                                  GiveUpReason reason) {
            failures++;
            giveUps.merge(reason, 1L, Long::sum);
            finished(attemptsMade);
        }

        private void finished(int attemptsMade) {
            attemptsOfFinished += attemptsMade;
            maxAttempts = Math.max(maxAttempts, attemptsMade);
        }
    }
}
