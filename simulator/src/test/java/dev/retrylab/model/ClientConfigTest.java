package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.strategy.bulkhead.Bulkhead;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model's own checks on targets, pools, bulkhead waits and cache ttls. */
class ClientConfigTest {

    private static final Workload OPEN = new Workload.OpenLoop(10);

    private static ClientConfig group(Map<String, Double> targets) {
        return new ClientConfig("g", 10, "api", OPEN, 1_000L, 0L).withTargets(targets);
    }

    @Test
    void oneTarget_hasTheWholeShareAndNoPoolLimit() {
        ClientConfig config = new ClientConfig("g", 10, "api", OPEN, 1_000L, 0L);
        assertThat(config.targets()).containsExactly(Map.entry("api", 1.0));
        assertThat(config.pool()).isEqualTo(ClientConfig.UNLIMITED_POOL);
    }

    @Test
    void targets_keepTheirOrderAndMustShareEveryRequest() {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("model", 0.2);
        shares.put("db", 0.8);
        assertThat(group(shares).targets().keySet()).containsExactly("model", "db");
        assertThatThrownBy(() -> group(Map.of("db", 0.5, "api", 0.4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add up to 1");
        assertThatThrownBy(() -> group(Map.of("db", 1.0, "api", 0.0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'api'");
        assertThatThrownBy(() -> group(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pool_mustHoldAtLeastOneAttempt() {
        assertThat(new ClientConfig("g", 10, "api", OPEN, 1_000L, 0L).withPool(1).pool()).isEqualTo(1);
        assertThatThrownBy(() -> new ClientConfig("g", 10, "api", OPEN, 1_000L, 0L).withPool(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientStrategy_aWaitNeedsABulkheadAndACacheAPositiveTtl() {
        ClientStrategy plain = ClientStrategy.of("s", RetryPolicy.defaults());
        assertThatThrownBy(() -> new ClientStrategy("s", RetryPolicy.defaults(), null, null, null, null, null, 5L, 0L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("with a bulkhead");
        assertThatThrownBy(() -> plain.withCacheFallback(0L)).isInstanceOf(IllegalArgumentException.class);
        ClientStrategy both = plain.withBulkhead(Bulkhead.builder().maxConcurrentCalls(2).build(), 0L)
                .withCacheFallback(7L);
        assertThat(both.bulkhead().maxConcurrentCalls()).isEqualTo(2);
        assertThat(both.cacheTtlNanos()).isEqualTo(7L);
    }

    @Test
    void system_aTargetThatIsNotDefined_isNamed() {
        SimulatedSystem.Builder builder = SimulatedSystem.builder(1L, 0L)
                .service(ServiceConfig.queue("api", 1, DurationDistribution.constant(Duration.ofMillis(1))))
                .clients(group(Map.of("api", 0.5, "dbb", 0.5)), clock -> ClientStrategy.of("s", RetryPolicy.defaults()));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dbb'");
    }
}
