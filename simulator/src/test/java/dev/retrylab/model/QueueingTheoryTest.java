package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator against queueing theory: an M/M/c queue's mean time in system and mean queue
 * length agree with the Erlang C formulas within a 99% confidence interval from batch means.
 */
class QueueingTheoryTest {

    private static final long SECOND = 1_000_000_000L;
    private static final int BATCHES = 20;
    private static final long WARMUP = 20 * SECOND;
    private static final long BATCH = 10 * SECOND;

    /** Erlang C: the probability an arrival waits in an M/M/c queue with offered load a = λ/μ. */
    static double erlangC(int c, double a) {
        double term = 1.0;
        double sum = 1.0;
        for (int k = 1; k < c; k++) {
            term *= a / k;
            sum += term;
        }
        double last = term * a / c / (1.0 - a / c);
        return last / (sum + last);
    }

    @ParameterizedTest(name = "M/M/{0} at lambda {1}/s, mu {2}/s")
    @CsvSource({"1, 400, 500", "2, 800, 500", "4, 1500, 500", "8, 3200, 500"})
    void mmc_meanTimeInSystemAndQueueLength_matchErlangC(int servers, double lambda, double mu) {
        RunTally tally = new RunTally(WARMUP, BATCH, BATCHES);
        SimulatedSystem system = SimulatedSystem.builder(11L, 0L)
                .service(ServiceConfig.queue("server", servers,
                        DurationDistribution.exponential(Duration.ofNanos((long) (SECOND / mu)))))
                .clients(new ClientConfig("arrivals", 1, "server", new Workload.OpenLoop(lambda),
                        Duration.ofHours(1).toNanos(), 0L), clock -> ClientStrategy.of("none",
                        RetryPolicy.builder().maxAttempts(1).build()))
                .recorder(tally)
                .build();
        ServiceModel server = system.services().get("server");
        system.runUntil(WARMUP);
        SummaryStatistics queueBatches = new SummaryStatistics();
        double area = server.queuedArea();
        for (int b = 1; b <= BATCHES; b++) {
            system.runUntil(WARMUP + b * BATCH);
            double next = server.queuedArea();
            queueBatches.addValue((next - area) / BATCH);
            area = next;
        }

        double a = lambda / mu;
        double waitInQueue = erlangC(servers, a) / (servers * mu - lambda);
        double timeInSystem = waitInQueue + 1.0 / mu;
        double queueLength = lambda * waitInQueue;

        SummaryStatistics batches = new SummaryStatistics();
        for (double mean : tally.batchMeansSeconds()) {
            batches.addValue(mean);
        }
        double t = new TDistribution(BATCHES - 1).inverseCumulativeProbability(0.995);
        double halfWidth = t * batches.getStandardDeviation() / Math.sqrt(BATCHES);
        assertThat(batches.getMean()).as("mean time in system (s), theory %.6f", timeInSystem)
                .isBetween(timeInSystem - halfWidth, timeInSystem + halfWidth);
        double queueHalfWidth = t * queueBatches.getStandardDeviation() / Math.sqrt(BATCHES);
        assertThat(queueBatches.getMean()).as("time-averaged queue length, theory %.4f", queueLength)
                .isBetween(queueLength - queueHalfWidth, queueLength + queueHalfWidth);
        assertThat(tally.requests).isEqualTo(tally.successes + tally.failures + system.inFlight());
    }
}
