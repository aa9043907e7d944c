package dev.retrylab.bench;

import java.util.SplittableRandom;
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
 * What it measures: the time of one memory read whose address depends on the previous read,
 * over an array of {@code megabytes} that is walked as one random cycle, so every read lands on
 * an unpredictable cache line. With 1 MB the array stays in the processor's caches; with 256 MB
 * almost every read goes to main memory (and misses the address-translation cache too).
 *
 * <p>Why it is here: it is the price a simulator pays each time it touches the state of one of a
 * million clients chosen at random, which a thundering herd does on every attempt (the next
 * client to retry is random, by design of jitter). {@link HerdBenchmark} compares the herd with
 * an M/M/1 model whose whole state fits in the first-level cache; the ratio of the two sizes here
 * bounds what such a comparison can show on the machine at hand.
 *
 * <p>How to run: {@code ./retrylab bench MemoryLatencyBenchmark}. What to expect: a few
 * nanoseconds per read at 1 MB and 100 to 300 ns at 256 MB, depending on the machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class MemoryLatencyBenchmark {

    private static final int READS = 1 << 20;

    @Param({"1", "256"})
    public int megabytes;

    private int[] next;
    private int position;

    /** Links every index into one cycle in random order (Sattolo's algorithm). */
    @Setup
    public void setUp() {
        int n = megabytes * (1 << 20) / Integer.BYTES;
        next = new int[n];
        for (int i = 0; i < n; i++) {
            next[i] = i;
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int swap = next[i];
            next[i] = next[j];
            next[j] = swap;
        }
    }

    @Benchmark
    @OperationsPerInvocation(READS)
    public int dependentReads() {
        int[] links = next;
        int at = position;
        for (int i = 0; i < READS; i++) {
            at = links[at];
        }
        position = at;
        return at;
    }
}
