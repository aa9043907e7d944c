package dev.retrylab.bench;

import java.net.SocketException;

/**
 * A shared, stack-trace-free connection reset: a transient failure that every library retries by
 * default, and that costs none of them a stack trace.
 */
final class TransientFailure extends SocketException {

    private static final long serialVersionUID = 1L;

    static final TransientFailure INSTANCE = new TransientFailure();

    private TransientFailure() {
        super("connection reset");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
