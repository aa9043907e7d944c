package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retrylab.model.Scenario;
import org.junit.jupiter.api.Test;

class ReplicationsKeyTest {

    private static final String MINIMAL = String.join("\n",
            "duration: 30s",
            "services:",
            "  api: {workers: 4, serviceTime: 10ms}",
            "clients:",
            "  users: {count: 10, target: api, workload: {open: 100/s}, timeout: 1s}",
            "strategies:",
            "  default: {}",
            "");

    @Test
    void replications_absent_defaultsToOne() throws ScenarioException {
        assertThat(ScenarioLoader.parse("s.yaml", MINIMAL).replications()).isEqualTo(1);
    }

    @Test
    void replications_given_isRead() throws ScenarioException {
        assertThat(ScenarioLoader.parse("s.yaml", "replications: 20\n" + MINIMAL).replications()).isEqualTo(20);
        assertThat(ScenarioLoader.parse("s.yaml", "replications: 1000\n" + MINIMAL).replications())
                .isEqualTo(Scenario.MAX_REPLICATIONS);
    }

    @Test
    void replications_outOfRangeOrNotAWholeNumber_isReportedWithItsPlace() {
        for (String value : new String[] {"0", "1001", "-3", "many", "2.5"}) {
            ScenarioException error = catchThrowableOfType(ScenarioException.class,
                    () -> ScenarioLoader.parse("s.yaml", "replications: " + value + "\n" + MINIMAL));

            assertThat(error).as(value).isNotNull();
            assertThat(error.errors()).singleElement().asString().as(value)
                    .startsWith("s.yaml:1:15: replications: ")
                    .contains("must be a whole number from 1 to 1000", value);
        }
    }
}
