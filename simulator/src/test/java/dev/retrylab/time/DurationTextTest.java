package dev.retrylab.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"250ms,250000000", "2s,2000000000", "1.5s,1500000000", "5m,300000000000",
            "100us,100000", "7ns,7", "1h,3600000000000", "0,0", " 3 ms ,3000000", "2min,120000000000"})
    void parse_acceptsNumbersWithUnits(String text, long nanos) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1s", "10 parsecs", "ms", "10", "1..2s", "", "0.5ns", "99999999999h"})
    void parse_rejectsMalformedTextWithAMessageSayingWhatIsAllowed(String text) {
        assertThatThrownBy(() -> DurationText.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .message().satisfiesAnyOf(
                        m -> assertThat(m).contains(DurationText.UNITS),
                        m -> assertThat(m).contains("zero or more"),
                        m -> assertThat(m).contains("finer than a nanosecond"),
                        m -> assertThat(m).contains("too long"));
    }

    @ParameterizedTest
    @CsvSource({"250000000,250ms", "2000000000,2s", "1500000000,1500ms", "60000000000,1m", "0,0ms", "1001,1001ns"})
    void format_usesTheLargestExactUnitAndRoundTrips(long nanos, String text) {
        assertThat(DurationText.format(Duration.ofNanos(nanos))).isEqualTo(text);
        assertThat(DurationText.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }
}
