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
 * so services and faults cannot name them; a strategy's {@code retryOn} and {@code neverRetry}
 * lists can, and the library refuses to retry them.
 */
final class FailureKinds {

    /** Every name a file may use for an answer, in the enum's order. */
    static final Set<String> NAMES;
    /**
     * Every kind's name, local refusals included, for lists that tune a strategy's classification;
     * the library itself refuses to retry a local refusal.
     */
    static final Set<String> ALL_NAMES;

    static {
        Set<String> names = new LinkedHashSet<>();
        Set<String> all = new LinkedHashSet<>();
        for (FailureKind kind : FailureKind.values()) {
            if (kind != FailureKind.CIRCUIT_OPEN && kind != FailureKind.REJECTED) {
                names.add(name(kind));
            }
            all.add(name(kind));
        }
        NAMES = Collections.unmodifiableSet(names);
        ALL_NAMES = Collections.unmodifiableSet(all);
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
