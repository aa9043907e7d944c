package dev.retrylab.scenario;

import dev.retrylab.strategy.FailureKind;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How a scenario file names a {@link FailureKind} that a service or a fault answers with: the
 * enum name in lower case with dashes ({@code unavailable}, {@code rate-limited},
 * {@code server-error}). Local refusals (circuit open, rejected) are not answers a service gives,
 * so files cannot name them.
 */
final class FailureKinds {

    /** Every name a file may use, in the enum's order. */
    static final Set<String> NAMES;

    static {
        Set<String> names = new LinkedHashSet<>();
        for (FailureKind kind : FailureKind.values()) {
            if (kind != FailureKind.CIRCUIT_OPEN && kind != FailureKind.REJECTED) {
                names.add(name(kind));
            }
        }
        NAMES = Collections.unmodifiableSet(names);
    }

    private FailureKinds() {
    }

    static String name(FailureKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind a valid name (one of {@link #NAMES}) stands for. */
    static FailureKind of(String name) {
        return FailureKind.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

}
