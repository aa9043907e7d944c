package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Independent failures with probability p and N immediate retries: attempts per request follow a
 * geometric distribution truncated at N + 1, so amplification is Σ_{k=0..N} p^k and the success
 * rate 1 − p^(N+1). Checked within 4 standard errors of the closed forms.
 */
class RetryAmplificationTest {

    private static final long SECOND = 1_000_000_000L;

    @ParameterizedTest(name = "p = {0}, N = {1}")
    @CsvSource({"0.1, 3", "0.5, 2", "0.5, 5", "0.9, 4"})
    void independentFailures_amplificationAndSuccessRateMatchTheClosedForms(double p, int retries) {
        RunTally tally = new RunTally(0, SECOND, 1);
        SimulatedSystem system = SimulatedSystem.builder(3L, 0L)
                .service(ServiceConfig.queue("flaky", 10_000, DurationDistribution.exponential(Duration.ofMillis(1)))
                        .withFailures(p, FailureKind.UNAVAILABLE))
                .clients(new ClientConfig("callers", 100, "flaky", new Workload.OpenLoop(2_000),
                        Duration.ofHours(1).toNanos(), 0L), clock -> ClientStrategy.of("immediate",
                        RetryPolicy.builder().maxAttempts(retries + 1).backoff(Backoff.none()).build()))
                .recorder(tally)
                .build();
        system.runUntil(60 * SECOND);

        long completed = tally.successes + tally.failures;
        double expectedAmplification = 0;
        double secondMoment = 0;
        for (int k = 1; k <= retries + 1; k++) {
            double probability = k <= retries ? Math.pow(p, k - 1) * (1 - p) : Math.pow(p, retries);
            secondMoment += (double) k * k * probability;
        }
        for (int k = 0; k <= retries; k++) {
            expectedAmplification += Math.pow(p, k);
        }
        double amplificationSe = Math.sqrt((secondMoment - expectedAmplification * expectedAmplification) / completed);
        double expectedSuccess = 1 - Math.pow(p, retries + 1);
        double successSe = Math.sqrt(expectedSuccess * (1 - expectedSuccess) / completed);

        assertThat((double) tally.completedAttempts / completed).as("amplification")
                .isBetween(expectedAmplification - 4 * amplificationSe, expectedAmplification + 4 * amplificationSe);
        assertThat((double) tally.successes / completed).as("success rate")
                .isBetween(expectedSuccess - 4 * successSe, expectedSuccess + 4 * successSe);
        assertThat(tally.requests).isEqualTo(tally.successes + tally.failures + system.inFlight());
    }
}
