package dev.retrylab.strategy.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Replays random call histories and recomputes the documented rule from a plain list of the
 * calls, so the ring buffer, the expiry and the tuning must agree with the formula. Each case
 * runs from its own seed, which the failure message names.
 */
class AdaptiveRetryPropertyTest {

    private record Call(int attempts, boolean succeeded, long atNanos) {
    }

    @Test
    void tuning_randomHistories_matchesTheRuleRecomputedFromAllCalls() {
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int window = 1 + random.nextInt(30);
            int minimumCalls = 1 + random.nextInt(window);
            int floor = 1 + random.nextInt(3);
            int ceiling = floor + random.nextInt(6);
            double scaleFloor = 0.5 + random.nextDouble();
            double scaleCeiling = scaleFloor + 3 * random.nextDouble();
            double unhealthyAt = 0.6 * random.nextDouble();
            double healthyAt = unhealthyAt + 0.05 + (0.95 - unhealthyAt) * random.nextDouble();
            long maxAgeNanos = random.nextBoolean() ? Long.MAX_VALUE : 1 + random.nextLong(5_000_000_000L);
            AdaptiveRetry.Builder builder = AdaptiveRetry.builder(RetryPolicy.defaults()).window(window)
                    .minimumCalls(minimumCalls).attempts(floor, ceiling).delayScale(scaleFloor, scaleCeiling)
                    .health(unhealthyAt, healthyAt);
            if (maxAgeNanos != Long.MAX_VALUE) {
                builder.maxAge(Duration.ofNanos(maxAgeNanos));
            }
            AdaptiveRetry retry = builder.build();
            double successChance = random.nextDouble();
            List<Call> history = new ArrayList<>();
            long now = random.nextLong(-1_000_000_000L, 1_000_000_000L);
            for (int step = 0; step < 200; step++) {
                now += random.nextLong(0, 200_000_000L);
                int attempts = 1 + random.nextInt(5);
                boolean succeeded = random.nextDouble() < successChance;
                retry.callFinished(attempts, succeeded, now);
                history.add(new Call(attempts, succeeded, now));

                long atNanos = now;
                List<Call> inWindow = history.subList(Math.max(0, history.size() - window), history.size())
                        .stream().filter(c -> maxAgeNanos == Long.MAX_VALUE || atNanos - c.atNanos < maxAgeNanos)
                        .toList();
                double health = 1.0;
                if (inWindow.size() >= minimumCalls) {
                    long attemptSum = inWindow.stream().mapToLong(Call::attempts).sum();
                    long successes = inWindow.stream().filter(Call::succeeded).count();
                    double p = (double) successes / attemptSum;
                    health = Math.max(0.0, Math.min(1.0, (p - unhealthyAt) / (healthyAt - unhealthyAt)));
                }
                int expectedAttempts = floor + (int) Math.floor((ceiling - floor) * health + 0.5 + 1e-9);
                double expectedScale = scaleFloor + (scaleCeiling - scaleFloor) * (1 - health);

                assertThat(retry.windowCalls()).as("window calls, seed %d step %d", seed, step)
                        .isEqualTo(inWindow.size());
                assertThat(retry.maxAttempts()).as("max attempts, seed %d step %d", seed, step)
                        .isEqualTo(expectedAttempts);
                assertThat(retry.delayScale()).as("delay scale, seed %d step %d", seed, step)
                        .isCloseTo(expectedScale, within(1e-9));
                assertThat(retry.maxAttempts()).isBetween(floor, ceiling);
                assertThat(retry.delayScale()).isBetween(scaleFloor, scaleCeiling);
            }
        }
    }
}
