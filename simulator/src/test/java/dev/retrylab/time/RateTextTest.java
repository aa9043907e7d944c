package dev.retrylab.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateTextTest {

    @ParameterizedTest
    @CsvSource({"100/s,100", "6000/min,100", "2.5/ms,2500", "7200/h,2", "30/m,0.5", "0/s,0", "' 5 / s ',5"})
    void perSecond_readsRatesWithUnits(String text, double expected) {
        assertThat(RateText.perSecond(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100", "-1/s", "10/fortnight", "fast", ""})
    void perSecond_rejectsMalformedRatesSayingWhatIsAllowed(String text) {
        assertThatThrownBy(() -> RateText.perSecond(text)).isInstanceOf(IllegalArgumentException.class)
                .message().satisfiesAnyOf(
                        m -> assertThat(m).contains(RateText.UNITS),
                        m -> assertThat(m).contains("zero or more"));
    }
}
