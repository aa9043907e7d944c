package dev.retrylab.cli;

import dev.retrylab.chart.ChartFormat;
import dev.retrylab.strategy.backoff.BackoffType;
import dev.retrylab.strategy.backoff.Jitter;
import dev.retrylab.time.DurationText;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** Option converters that say what is allowed when a value is wrong. */
final class Converters {

    private Converters() {
    }

    /** {@code 250ms}, {@code 2s}, … through {@link DurationText}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return DurationText.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class JitterConverter implements CommandLine.ITypeConverter<Jitter> {
        @Override
        public Jitter convert(String value) {
            return lowerCaseEnum(Jitter.class, value);
        }
    }

    static final class BackoffTypeConverter implements CommandLine.ITypeConverter<BackoffType> {
        @Override
        public BackoffType convert(String value) {
            return lowerCaseEnum(BackoffType.class, value);
        }
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return lowerCaseEnum(OutputFormat.class, value);
        }
    }

    static final class ChartFormatConverter implements CommandLine.ITypeConverter<ChartFormat> {
        @Override
        public ChartFormat convert(String value) {
            return lowerCaseEnum(ChartFormat.class, value);
        }
    }

    static <E extends Enum<E>> E lowerCaseEnum(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not one of " + names(type));
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("|"));
    }
}
