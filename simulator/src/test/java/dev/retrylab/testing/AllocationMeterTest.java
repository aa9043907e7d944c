package dev.retrylab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Shows that the meter sees allocation, so the zero-allocation tests that use it can fail. */
class AllocationMeterTest {

    private static Object sink;

    @Test
    void bytesAllocatedBy_blockThatAllocates_reportsAtLeastWhatItAllocated() {
        long bytes = AllocationMeter.bytesAllocatedBy(() -> {
            for (int i = 0; i < 1_000; i++) {
                sink = new long[16];
            }
        });

        assertThat(bytes).isGreaterThanOrEqualTo(1_000L * 16 * Long.BYTES);
        assertThat(sink).isNotNull();
    }
}
