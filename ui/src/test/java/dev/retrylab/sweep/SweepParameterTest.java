package dev.retrylab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SweepParameterTest {

    @Test
    void parse_range_givesEveryWholeNumberFromStartToEnd() {
        SweepParameter parameter = SweepParameter.parse("strategies.retries.retry.maxAttempts=1..6");

        assertThat(parameter.path()).isEqualTo("strategies.retries.retry.maxAttempts");
        assertThat(parameter.values()).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void parse_list_keepsTheValuesAsWrittenInOrder() {
        assertThat(SweepParameter.parse("clients.agents.count=1000, 10000").values())
                .containsExactly("1000", "10000");
        assertThat(SweepParameter.parse("clients.agents.timeout=200ms,1s").values()).containsExactly("200ms", "1s");
        assertThat(SweepParameter.parse("seed=3").values()).containsExactly("3");
    }

    @Test
    void parse_rangeEndingAtTheLargestLong_stopsThere() {
        assertThat(SweepParameter.parse("seed=9223372036854775806..9223372036854775807").values())
                .containsExactly("9223372036854775806", "9223372036854775807");
    }

    @Test
    void parse_malformed_namesTheParameterAndWhatIsWrong() {
        assertThatThrownBy(() -> SweepParameter.parse("clients.agents.count"))
                .hasMessageStartingWith("--param clients.agents.count: expected PATH=VALUES");
        assertThatThrownBy(() -> SweepParameter.parse("clients..count=1")).hasMessageContaining("key names joined by dots");
        assertThatThrownBy(() -> SweepParameter.parse("seed=")).hasMessageContaining("no values");
        assertThatThrownBy(() -> SweepParameter.parse("seed=1,,2")).hasMessageContaining("an empty value");
        assertThatThrownBy(() -> SweepParameter.parse("seed=6..1")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> SweepParameter.parse("seed=1..5000")).hasMessageContaining("more than 1000 values");
        assertThatThrownBy(() -> SweepParameter.parse("seed=-9000000000000000000..9000000000000000000"))
                .hasMessageContaining("more than 1000 values");
        assertThatThrownBy(() -> SweepParameter.parse("seed=1..99999999999999999999"))
                .hasMessageContaining("whole numbers");
    }
}
