package dev.retrylab.strategy.idempotency;

import dev.retrylab.strategy.retry.RetryState;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * A client-chosen key that makes a non-idempotent request (a payment, an order) safe to retry:
 * the client sends the same key with every attempt of one logical operation, and the server's
 * {@link Deduplicator} executes the first and answers the others with the first result. The
 * convention is Stripe's, now the IETF HTTP API draft "The Idempotency-Key HTTP Header Field"
 * (draft-ietf-httpapi-idempotency-key-header), which recommends UUIDs as keys. Immutable.
 *
 * <p>A key is 1 to 255 visible ASCII characters (0x21..0x7E), so it fits an HTTP header as it is.
 *
 * @param value the key's text
 */
public record IdempotencyKey(String value) {

    /** The conventional HTTP request header that carries the key. */
    public static final String HEADER_NAME = "Idempotency-Key";

    /** The longest key accepted, as common APIs accept. */
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an idempotency key must be 1.." + MAX_LENGTH
                    + " characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException("an idempotency key may hold only visible ASCII characters "
                        + "(0x21..0x7E); character " + i + " is U+" + String.format("%04X", (int) c));
            }
        }
    }

    /** A key with the given text, validated as described in the class comment. */
    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    /**
     * A fresh key: 128 bits drawn from {@code rng} (two {@code nextLong()} calls), with the six
     * version and variant bits then set as RFC 9562 prescribes for a version-4 UUID, written in the
     * UUID text form ({@code xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx}, lower case). The same
     * seeded generator gives the same keys; 122 bits stay random.
     */
    public static IdempotencyKey random(RandomGenerator rng) {
        Objects.requireNonNull(rng, "rng");
        long high = rng.nextLong();
        long low = rng.nextLong();
        high = (high & ~0xF000L) | 0x4000L;
        low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new IdempotencyKey(new UUID(high, low).toString());
    }

    /**
     * Marks {@code state} idempotent: a call that carries an idempotency key may be retried even by
     * a policy that retries only idempotent calls, because the server deduplicates it.
     */
    public RetryState markIdempotent(RetryState state) {
        return state.idempotent(true);
    }

    @Override
    public String toString() {
        return value;
    }
}
