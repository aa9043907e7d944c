package dev.retrylab.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.http.HttpConnectTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassificationTest {

    private final Classification defaults = Classification.defaults();

    @Test
    void defaults_retryTransientFailuresAndNeverCallerMistakes() {
        EnumSet<FailureKind> retried = EnumSet.noneOf(FailureKind.class);
        for (FailureKind kind : FailureKind.values()) {
            if (defaults.isRetryable(kind)) {
                retried.add(kind);
            }
        }
        assertThat(retried).containsExactlyInAnyOrder(FailureKind.TIMEOUT, FailureKind.CONNECTION,
                FailureKind.RATE_LIMITED, FailureKind.UNAVAILABLE, FailureKind.CONFLICT,
                FailureKind.LOCK_TIMEOUT, FailureKind.PARTIAL_FAILURE);
    }

    @ParameterizedTest
    @CsvSource({"400,INVALID_INPUT", "401,AUTHENTICATION", "403,AUTHORIZATION", "404,NOT_FOUND",
            "409,CONFLICT", "422,BUSINESS_RULE", "429,RATE_LIMITED", "500,SERVER_ERROR", "502,UNAVAILABLE",
            "503,UNAVAILABLE", "504,UNAVAILABLE", "507,SERVER_ERROR", "418,INVALID_INPUT", "302,UNKNOWN"})
    void kindOfStatus_mapsHttpStatusCodes(int status, FailureKind kind) {
        assertThat(defaults.kindOfStatus(status)).isEqualTo(kind);
        assertThat(defaults.classifyStatus(status).httpStatus()).isEqualTo(status);
    }

    @Test
    void classify_usesTheNearestMappedSuperclass() {
        assertThat(defaults.classify(new SocketTimeoutException()).kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(defaults.classify(new ConnectException()).kind()).isEqualTo(FailureKind.CONNECTION);
        assertThat(defaults.classify(new SocketException("connection reset")).kind()).isEqualTo(FailureKind.CONNECTION);
        assertThat(defaults.classify(new NoRouteToHostException()).kind()).isEqualTo(FailureKind.CONNECTION);
        assertThat(defaults.classify(new HttpConnectTimeoutException("slow")).kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(defaults.classify(new TimeoutException()).kind()).isEqualTo(FailureKind.TIMEOUT);
        // other I/O failures (a TLS handshake, a parse error, a missing file) are not transient
        assertThat(defaults.classify(new SSLHandshakeException("bad certificate")).kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(defaults.classify(new IOException()).kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(defaults.classify(new IllegalStateException()).kind()).isEqualTo(FailureKind.UNKNOWN);
    }

    @Test
    void classify_looksThroughCausesAndKeepsTheOriginalException() {
        RuntimeException wrapped = new RuntimeException(new ConnectException("refused"));
        Failure failure = defaults.classify(wrapped);
        assertThat(failure.kind()).isEqualTo(FailureKind.CONNECTION);
        assertThat(failure.cause()).isSameAs(wrapped);
    }

    @Test
    void classify_takesTheFailureOfAFailureExceptionAsItIs() {
        Failure rateLimited = Failure.rateLimited(Duration.ofSeconds(2));
        assertThat(defaults.classify(new FailureException(rateLimited))).isSameAs(rateLimited);
    }

    @Test
    void builder_changesRetryabilityAndMappings() {
        class LockWaitTimeout extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
        Classification custom = Classification.builder()
                .neverRetry(FailureKind.CONFLICT)
                .retry(FailureKind.NOT_FOUND)
                .mapStatus(418, FailureKind.UNAVAILABLE)
                .mapException(LockWaitTimeout.class, FailureKind.LOCK_TIMEOUT)
                .build();
        assertThat(custom.isRetryable(FailureKind.CONFLICT)).isFalse();
        assertThat(custom.isRetryable(FailureKind.NOT_FOUND)).isTrue();
        assertThat(custom.kindOfStatus(418)).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(custom.classify(new LockWaitTimeout()).kind()).isEqualTo(FailureKind.LOCK_TIMEOUT);
        assertThat(defaults.isRetryable(FailureKind.CONFLICT)).as("defaults unchanged").isTrue();
        assertThatThrownBy(() -> Classification.builder().retry(FailureKind.CIRCUIT_OPEN))
                .hasMessageContaining("local refusal");
        assertThat(custom.toBuilder().build().kindOfStatus(418)).isEqualTo(FailureKind.UNAVAILABLE);
    }
}
