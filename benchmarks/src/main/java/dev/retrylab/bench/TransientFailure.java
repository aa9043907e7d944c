package dev.retrylab.bench;

import java.io.IOException;

/** A shared, stack-trace-free transient failure, so failing costs the libraries nothing extra. */
final class TransientFailure extends IOException {

    private static final long serialVersionUID = 1L;

    static final TransientFailure INSTANCE = new TransientFailure();

    private TransientFailure() {
        super("transient");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
