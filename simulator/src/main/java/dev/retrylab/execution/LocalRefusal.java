package dev.retrylab.execution;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureException;
import dev.retrylab.strategy.FailureKind;

/**
 * An attempt refused locally, without calling: circuit open, bulkhead full, throttled. Shared,
 * stack-trace-free instances, so refusing costs no allocation.
 */
final class LocalRefusal extends FailureException {

    private static final long serialVersionUID = 1L;

    static final LocalRefusal CIRCUIT_OPEN = new LocalRefusal(FailureKind.CIRCUIT_OPEN, "circuit open");
    static final LocalRefusal BULKHEAD_FULL = new LocalRefusal(FailureKind.REJECTED, "bulkhead full");
    static final LocalRefusal THROTTLED = new LocalRefusal(FailureKind.REJECTED, "throttled by the client");

    private final String what;

    private LocalRefusal(FailureKind kind, String what) {
        super(Failure.of(kind), false);
        this.what = what;
    }

    @Override
    public String getMessage() {
        return what;
    }
}
