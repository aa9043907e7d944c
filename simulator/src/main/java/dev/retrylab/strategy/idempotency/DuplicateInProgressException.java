package dev.retrylab.strategy.idempotency;

/**
 * Thrown by {@link Deduplicator#execute} when a request arrives while an earlier request with the
 * same idempotency key is still executing. A server answers it with HTTP 409 Conflict, and the
 * client retries later.
 */
public class DuplicateInProgressException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient IdempotencyKey key;

    public DuplicateInProgressException(IdempotencyKey key) {
        super("a request with idempotency key " + key + " is still executing");
        this.key = key;
    }

    public IdempotencyKey key() {
        return key;
    }
}
