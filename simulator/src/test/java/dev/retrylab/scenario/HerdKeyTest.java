package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retrylab.model.HerdWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HerdKeyTest {

    private static final String MINIMAL = String.join("\n",
            "duration: 30s",
            "services:",
            "  api: {workers: 4, serviceTime: 10ms}",
            "clients:",
            "  users: {count: 10, target: api, workload: {open: 100/s}, timeout: 1s}",
            "strategies:",
            "  default: {}",
            "");
    private static final String FAULTS = String.join("\n",
            "faults:",
            "  - {type: outage, service: api, start: 12s, end: 14s}",
            "  - {type: outage, service: api, start: 5s, end: 8s}",
            "");

    private static long nanos(String duration) {
        return dev.retrylab.time.DurationText.parse(duration).toNanos();
    }

    @Test
    void herd_absent_isAroundTheEndOfTheFaultThatStartsFirst() throws ScenarioException {
        HerdWindow herd = ScenarioLoader.parse("s.yaml", MINIMAL + FAULTS).herd();

        assertThat(herd).isEqualTo(new HerdWindow(nanos("8s"), nanos("1s"), nanos("5s"), nanos("10ms")));
        assertThat(ScenarioLoader.parse("s.yaml", MINIMAL).herd().atNanos()).as("no faults: the start").isZero();
    }

    @Test
    void herd_given_isReadWithDefaultsForTheKeysLeftOut() throws ScenarioException {
        HerdWindow herd = ScenarioLoader.parse("s.yaml", MINIMAL + FAULTS + "herd: {at: 20s, bucket: 5ms}\n").herd();

        assertThat(herd).isEqualTo(new HerdWindow(nanos("20s"), HerdWindow.DEFAULT_BEFORE.toNanos(),
                HerdWindow.DEFAULT_AFTER.toNanos(), nanos("5ms")));
        HerdWindow withoutAt = ScenarioLoader.parse("s.yaml", MINIMAL + FAULTS + "herd: {before: 0, after: 2s}\n")
                .herd();
        assertThat(withoutAt.atNanos()).isEqualTo(nanos("8s"));
        assertThat(withoutAt.startNanos(nanos("30s"))).isEqualTo(nanos("8s"));
        assertThat(withoutAt.counter(nanos("30s")).size()).as("2 s of 10 ms").isEqualTo(200);
    }

    @Test
    void herd_windowPastTheRun_isClipped() throws ScenarioException {
        HerdWindow herd = ScenarioLoader.parse("s.yaml", MINIMAL + "herd: {at: 29s}\n").herd();

        assertThat(herd.startNanos(nanos("30s"))).isEqualTo(nanos("28s"));
        assertThat(herd.counter(nanos("30s")).size()).as("28 s to 30 s").isEqualTo(200);
    }

    @Test
    void herd_mistakes_areReportedWithTheirPlace() {
        assertThat(only(MINIMAL + "herd: {at: 31s}\n")).startsWith("s.yaml:8:12: herd.at: ")
                .contains("must be within the run (duration 30s), found 31s");
        assertThat(only(MINIMAL + "herd: {bucket: 1us}\n")).startsWith("s.yaml:8:16: herd.bucket: ")
                .contains("6000000 buckets of 1us; at most 100000");
        assertThat(only(MINIMAL + "herd: {after: 0}\n")).startsWith("s.yaml:8:15: herd.after: ")
                .contains("must be more than 0");
        assertThat(only(MINIMAL + "herd: {when: 3s}\n")).startsWith("s.yaml:8:14: herd.when: ")
                .contains("unknown key 'when'", "at, before, after, bucket");
    }

    private static String only(String text) {
        ScenarioException error = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.parse("s.yaml", text));
        assertThat(error).as(text).isNotNull();
        assertThat(error.errors()).as(text).hasSize(1);
        return error.errors().get(0).toString();
    }

    @Test
    void defaultWindow_isOneSecondBeforeToFiveAfterInTenMillisecondBuckets() {
        HerdWindow herd = HerdWindow.around(nanos("25s"));

        assertThat(herd.startNanos(nanos("120s"))).isEqualTo(nanos("24s"));
        assertThat(herd.endNanos(nanos("120s"))).isEqualTo(nanos("30s"));
        assertThat(herd.counter(nanos("120s")).size()).isEqualTo(600);
        assertThat(herd.bucketNanos()).isEqualTo(Duration.ofMillis(10).toNanos());
    }
}
