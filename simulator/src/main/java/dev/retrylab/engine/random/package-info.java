/**
 * Deterministic randomness for the simulator: independent random streams per scenario seed,
 * replication, purpose and entity, and the duration distributions that draw from them.
 *
 * <p>{@link dev.retrylab.engine.random.RandomStreams} derives a stream's seed;
 * {@link dev.retrylab.engine.random.SplitMix64} is one stream and
 * {@link dev.retrylab.engine.random.RandomStreamArray} the streams of many entities at one long
 * each. {@link dev.retrylab.engine.random.DurationDistribution} samples whole nanoseconds from
 * any {@link java.util.random.RandomGenerator}. Every value is computed from 64-bit draws with
 * integer arithmetic and {@link java.lang.StrictMath}: same seed, same numbers, on every machine.
 * Depends on the JDK and {@code dev.retrylab.time} only.
 */
package dev.retrylab.engine.random;
