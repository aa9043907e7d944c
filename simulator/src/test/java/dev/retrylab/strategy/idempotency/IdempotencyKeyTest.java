package dev.retrylab.strategy.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    private static RandomGenerator scripted(long... values) {
        PrimitiveIterator.OfLong next = LongStream.of(values).iterator();
        return next::nextLong;
    }

    @Test
    void random_knownBits_setsVersionAndVariantInUuidText() {
        // high word all ones: version nibble forced to 4; low word all zeros: variant bits forced to 10
        assertThat(IdempotencyKey.random(scripted(-1L, 0L)).value())
                .isEqualTo("ffffffff-ffff-4fff-8000-000000000000");
        assertThat(IdempotencyKey.random(scripted(0L, -1L)).value())
                .isEqualTo("00000000-0000-4000-bfff-ffffffffffff");
        assertThat(IdempotencyKey.random(scripted(0x0123456789ABCDEFL, 0xFEDCBA9876543210L)).value())
                .isEqualTo("01234567-89ab-4def-bedc-ba9876543210");
    }

    @Test
    void random_sameSeed_sameKeys() {
        SplittableRandom first = new SplittableRandom(7);
        SplittableRandom second = new SplittableRandom(7);

        for (int i = 0; i < 100; i++) {
            assertThat(IdempotencyKey.random(first)).isEqualTo(IdempotencyKey.random(second));
        }
        assertThat(IdempotencyKey.random(new SplittableRandom(8)))
                .isNotEqualTo(IdempotencyKey.random(new SplittableRandom(7)));
    }

    @Test
    void random_manySeeds_areVersionFourUuidsAndDistinct() {
        Set<IdempotencyKey> seen = new HashSet<>();
        for (long seed = 0; seed < 2_000; seed++) {
            IdempotencyKey key = IdempotencyKey.random(new SplittableRandom(seed));
            UUID uuid = UUID.fromString(key.value());

            assertThat(key.value()).as("seed %d", seed)
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(uuid.version()).as("seed %d", seed).isEqualTo(4);
            assertThat(uuid.variant()).as("seed %d", seed).isEqualTo(2);
            assertThat(seen.add(key)).as("seed %d repeats a key", seed).isTrue();
        }
    }

    @Test
    void headerName_isTheConventionalHeader() {
        assertThat(IdempotencyKey.HEADER_NAME).isEqualTo("Idempotency-Key");
    }

    @Test
    void of_validText_keepsItExactly() {
        IdempotencyKey key = IdempotencyKey.of("order-42:attempt~A");

        assertThat(key.value()).isEqualTo("order-42:attempt~A");
        assertThat(key).hasToString("order-42:attempt~A");
        assertThat(IdempotencyKey.of("x".repeat(255)).value()).hasSize(255);
    }

    @Test
    void of_invalidText_throwsSayingWhatIsAllowed() {
        assertThatThrownBy(() -> IdempotencyKey.of(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an idempotency key must be 1..255 characters, was 0");
        assertThatThrownBy(() -> IdempotencyKey.of("x".repeat(256))).hasMessageContaining("was 256");
        assertThatThrownBy(() -> IdempotencyKey.of("two words"))
                .hasMessage("an idempotency key may hold only visible ASCII characters (0x21..0x7E); "
                        + "character 3 is U+0020");
        assertThatThrownBy(() -> IdempotencyKey.of("clé")).hasMessageContaining("U+00E9");
        assertThatThrownBy(() -> IdempotencyKey.of(null)).isInstanceOf(NullPointerException.class);
    }
}
