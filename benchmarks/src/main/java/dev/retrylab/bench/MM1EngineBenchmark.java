package dev.retrylab.bench;

import dev.retrylab.engine.Simulation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What it measures: events per second of the discrete-event engine ({@link Simulation}) running
 * M/M/1 queues (Poisson arrivals at 800/s, exponential service at 1000/s, utilisation 0.8, one
 * FIFO server per queue), beside {@link #baseline}, the same model hand-written as one loop over a
 * binary heap of primitive arrays. One operation is one event; an invocation serves 1,000,000
 * customers, an arrival and a departure each. Both draw the same random numbers in the same order
 * and serve the same customers at the same times ({@code MM1ModelTest} in the simulator checks
 * this, and {@link #setUp} checks it again for the copies here). {@code queues} = 1 keeps one or
 * two events pending; 100,000 independent queues keep about 100,000 to 200,000 pending, which
 * shows how the event list scales.
 *
 * <p>How to run: {@code ./retrylab bench MM1EngineBenchmark -prof gc}.
 *
 * <p>What to expect: the engine at no less than half the baseline's events per second (it adds
 * a call through {@code EventTarget}, handles, FIFO sequence numbers and cancellation support that
 * the baseline does without), and {@code gc.alloc.rate.norm} of 0 B/op for both: the event path
 * allocates nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MM1EngineBenchmark {

    private static final long CUSTOMERS = 1_000_000;
    private static final int EVENTS = 2 * (int) CUSTOMERS;
    private static final long SEED = 42;
    private static final double MEAN_INTERARRIVAL_NANOS = 1_250_000.0;
    private static final double MEAN_SERVICE_NANOS = 1_000_000.0;

    @Param({"1", "100000"})
    public int queues;

    private MM1OnSimulation engine;
    private MM1OnHeapLoop heapLoop;

    @Setup
    public void setUp() {
        engine = new MM1OnSimulation(new Simulation(), queues, MEAN_INTERARRIVAL_NANOS, MEAN_SERVICE_NANOS);
        heapLoop = new MM1OnHeapLoop(queues, MEAN_INTERARRIVAL_NANOS, MEAN_SERVICE_NANOS);
        engine.run(SEED, CUSTOMERS);
        heapLoop.run(SEED, CUSTOMERS);
        if (engine.completed() != CUSTOMERS || heapLoop.completed() != CUSTOMERS
                || engine.timeInSystemNanos() != heapLoop.timeInSystemNanos()) {
            throw new IllegalStateException("the engine and the baseline ran different models: served "
                    + engine.completed() + " and " + heapLoop.completed() + " customers, time in system "
                    + engine.timeInSystemNanos() + "ns and " + heapLoop.timeInSystemNanos() + "ns");
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long baseline() {
        heapLoop.run(SEED, CUSTOMERS);
        return heapLoop.timeInSystemNanos();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long engine() {
        engine.run(SEED, CUSTOMERS);
        return engine.timeInSystemNanos();
    }
}
