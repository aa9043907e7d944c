package dev.retrylab.bench;

import dev.retrylab.engine.Simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The M/M/1 model that the engine benchmark runs: on the engine it matches the hand-written heap
 * loop exactly, and its mean time in system matches queueing theory.
 */
class MM1ModelTest {

    // arrivals at 800/s, service at 1000/s: utilisation 0.8
    private static final double MEAN_INTERARRIVAL_NANOS = 1_250_000.0;
    private static final double MEAN_SERVICE_NANOS = 1_000_000.0;

    @Test
    void engineAndHeapLoop_sameSeed_serveTheSameCustomersWithTheSameTimeInSystem() {
        for (int queues : new int[] {1, 7, 1_000}) {
            Simulation simulation = new Simulation();
            MM1OnSimulation engine = new MM1OnSimulation(simulation, queues, MEAN_INTERARRIVAL_NANOS,
                    MEAN_SERVICE_NANOS);
            MM1OnHeapLoop loop = new MM1OnHeapLoop(queues, MEAN_INTERARRIVAL_NANOS, MEAN_SERVICE_NANOS);
            for (long seed = 1; seed <= 5; seed++) {
                engine.run(seed, 20_000);
                loop.run(seed, 20_000);

                assertThat(engine.completed()).as("queues %d seed %d", queues, seed).isEqualTo(20_000);
                assertThat(loop.completed()).as("queues %d seed %d", queues, seed).isEqualTo(20_000);
                assertThat(engine.timeInSystemNanos()).as("queues %d seed %d", queues, seed)
                        .isEqualTo(loop.timeInSystemNanos());
            }
            assertThat(simulation.eventsProcessed()).isEqualTo(5 * 2 * 20_000);
        }
    }

    @Test
    void engine_mm1AtUtilisation08_meanTimeInSystemMatchesQueueingTheory() {
        Simulation simulation = new Simulation();
        MM1OnSimulation model = new MM1OnSimulation(simulation, 1, MEAN_INTERARRIVAL_NANOS, MEAN_SERVICE_NANOS);

        model.run(2024, 2_000_000);

        // M/M/1: W = 1 / (mu - lambda) = 1 / (1000/s - 800/s) = 5 ms (Kleinrock, Queueing Systems I, 3.2).
        // This seed gives 5.077 ms; at utilisation 0.8 the strongly correlated sojourn times leave a
        // standard error of roughly 1% over 2,000,000 customers, so 0.15 ms is about three of them.
        double meanMillis = model.timeInSystemNanos() / (double) model.completed() / 1e6;
        assertThat(meanMillis).isCloseTo(5.0, within(0.15));
    }
}
