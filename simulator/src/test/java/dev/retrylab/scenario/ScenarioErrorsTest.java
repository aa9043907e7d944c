package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A corpus of broken scenario files: each mistake is reported with its file, line, column, key
 * path, what was found and what is allowed, and every mistake of a file at once.
 */
class ScenarioErrorsTest {

    /** A valid file; the tests replace one of its lines. Line numbers below refer to it. */
    private static final String VALID = String.join("\n",
            "duration: 60s",                                                      // 1
            "services:",                                                          // 2
            "  api:",                                                             // 3
            "    replicas: 2",                                                    // 4
            "    workers: 10",                                                    // 5
            "    serviceTime: {exponential: 10ms}",                               // 6
            "clients:",                                                           // 7
            "  agents:",                                                          // 8
            "    count: 100",                                                     // 9
            "    target: api",                                                    // 10
            "    workload: {open: 50/s}",                                         // 11
            "    timeout: 200ms",                                                 // 12
            "faults:",                                                            // 13
            "  - {type: outage, service: api, start: 10s, end: 15s}",             // 14
            "strategies:",                                                        // 15
            "  no-retry: {maxAttempts: 1}",                                       // 16
            "  jitter: {maxAttempts: 3, backoff: {type: exponential, base: 100ms}}", // 17
            "");

    private static List<ScenarioError> errors(String text) {
        ScenarioException error = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.parse("broken.yaml", text));
        assertThat(error).as("expected errors for:\n%s", text).isNotNull();
        return error.errors();
    }

    private static List<ScenarioError> withLine(int line, String replacement) {
        String[] lines = VALID.split("\n", -1);
        lines[line - 1] = replacement;
        return errors(String.join("\n", lines));
    }

    private static String only(List<ScenarioError> errors) {
        assertThat(errors).hasSize(1);
        return errors.get(0).toString();
    }

    @Test
    void validBase_loads() throws ScenarioException {
        assertThat(ScenarioLoader.parse("broken.yaml", VALID).strategies()).containsOnlyKeys("no-retry", "jitter");
    }

    @Test
    void unknownKey_isReportedWithASuggestionAndTheAllowedKeys() {
        assertThat(withLine(5, "    wokers: 10")).extracting(ScenarioError::toString).containsExactly(
                "broken.yaml:3:3: services.api: the key 'workers' is required here",
                "broken.yaml:5:13: services.api.wokers: unknown key 'wokers' (did you mean 'workers'?); allowed here: "
                        + "replicas, workers, queue, serviceTime, loadCost, networkDelay, cancelOnTimeout, "
                        + "loadBalancing, failureProbability, failureKind");
    }

    @Test
    void unknownKeyAtTheTop_alsoNamesTheMissingRequiredKeyOnce() {
        List<ScenarioError> errors = withLine(1, "duraton: 60s");
        assertThat(errors).extracting(ScenarioError::toString).containsExactly(
                "broken.yaml:1:1: the key 'duration' is required here",
                "broken.yaml:1:10: duraton: unknown key 'duraton' (did you mean 'duration'?); allowed here: name, "
                        + "description, seed, duration, interval, services, clients, faults, strategies");
    }

    @Test
    void wrongType_saysWhatWasFound() {
        assertThat(only(withLine(5, "    workers: [10]"))).isEqualTo(
                "broken.yaml:5:5: services.api.workers: must be a single value, found a list");
        assertThat(only(withLine(11, "    workload: 50/s"))).isEqualTo(
                "broken.yaml:11:15: clients.agents.workload: must be a workload: {open: 100/s}, {burst: {at: 10s, "
                        + "spread: 0ms}} or {closed: {think: 100ms, requests: 0, spread: 1s}}, found '50/s'");
        assertThat(only(withLine(16, "  no-retry: {maxAttempts: many}"))).isEqualTo(
                "broken.yaml:16:27: strategies.no-retry.maxAttempts: must be a whole number from 1 to 1000, "
                        + "found 'many'");
    }

    @Test
    void valueOutOfRange_givesTheRange() {
        assertThat(only(withLine(4, "    replicas: 0"))).isEqualTo(
                "broken.yaml:4:15: services.api.replicas: must be a whole number from 1 to 10000, found 0");
        assertThat(only(withLine(14, "  - {type: brownout, service: api, start: 10s, end: 15s, probability: 120%}")))
                .isEqualTo("broken.yaml:14:71: faults[0].probability: must be a number from 0 to 1, found 120%");
        assertThat(only(withLine(17, "  jitter: {backoff: {type: exponential, base: 1s, cap: 100ms}}")))
                .isEqualTo("broken.yaml:17:56: strategies.jitter.backoff.cap: must be at least the base delay 1s");
    }

    @Test
    void malformedUnits_sayWhichUnitsExist() {
        assertThat(only(withLine(12, "    timeout: 200"))).isEqualTo(
                "broken.yaml:12:14: clients.agents.timeout: '200' has no unit: write one of ns, us (or µs), ms, s, "
                        + "m (or min), h, for example 200ms");
        assertThat(only(withLine(11, "    workload: {open: 50 per second}"))).contains(
                "broken.yaml:11:22: clients.agents.workload.open: '50 per second' is not a rate",
                "100/s or 6000/min");
        assertThat(only(withLine(6, "    serviceTime: {exponential: 10 msec}"))).contains(
                "broken.yaml:6:32: services.api.serviceTime.exponential: '10 msec' has an unknown unit 'msec'");
    }

    @Test
    void undefinedReferences_suggestTheDefinedNames() {
        assertThat(only(withLine(10, "    target: apii"))).isEqualTo(
                "broken.yaml:10:13: clients.agents.target: names service 'apii', which is not defined (did you mean "
                        + "'api'?); defined services: api");
        assertThat(only(withLine(14, "  - {type: outage, service: db, start: 10s, end: 15s}"))).isEqualTo(
                "broken.yaml:14:29: faults[0].service: names service 'db', which is not defined; defined services: api");
        assertThat(only(withLine(14, "  - {type: outage, service: api, replica: 2, start: 10s, end: 15s}"))).isEqualTo(
                "broken.yaml:14:43: faults[0].replica: must be a replica index from 0 to 1 (service api has 2 "
                        + "replicas), found '2'; leave it out for all replicas");
        assertThat(only(withLine(17, "  jitter: {budget: {type: tocken-bucket}}"))).isEqualTo(
                "broken.yaml:17:27: strategies.jitter.budget.type: 'tocken-bucket' is not one of token-bucket, grpc, "
                        + "ratio, retry-time (did you mean 'token-bucket'?)");
    }

    @Test
    void faultWindow_mustLieInsideTheRunAfterTheFirstInterval() {
        assertThat(only(withLine(14, "  - {type: outage, service: api, start: 10s, end: 61s}"))).isEqualTo(
                "broken.yaml:14:51: faults[0].end: is after the run ends (duration 1m), found 61s: a fault must end "
                        + "within the run");
        assertThat(only(withLine(14, "  - {type: outage, service: api, start: 500ms, end: 15s}"))).isEqualTo(
                "broken.yaml:14:41: faults[0].start: must be at least one interval (1s) into the run, found 500ms: "
                        + "recovery is measured against the intervals before the first fault");
        assertThat(only(withLine(14, "  - {type: outage, service: api, start: 10s, end: 10s}"))).isEqualTo(
                "broken.yaml:14:51: faults[0].end: must be after the start 10s, found 10s");
    }

    @Test
    void missingRequiredKeys_areEachNamed() {
        assertThat(errors("duration: 10s\n")).extracting(ScenarioError::message).containsExactly(
                "the key 'services' is required here", "the key 'clients' is required here",
                "the key 'strategies' is required here");
        assertThat(only(withLine(12, "    deadline: 1s"))).isEqualTo(
                "broken.yaml:8:3: clients.agents: the key 'timeout' is required here");
        assertThat(only(withLine(14, "  - {type: rate-limit, service: api, start: 10s, end: 15s}"))).isEqualTo(
                "broken.yaml:14:5: faults[0]: the key 'rate' is required here");
    }

    @Test
    void settingsOfTheLibrary_areCheckedAtTheirPart() {
        assertThat(only(withLine(17, "  jitter: {breaker: {window: 5, minimumCalls: 10}}"))).isEqualTo(
                "broken.yaml:17:12: strategies.jitter.breaker: minimumCalls (10) must not exceed the count window "
                        + "(5 calls), or the failure rate would never be evaluated");
        assertThat(only(withLine(17, "  jitter: {budget: {type: token-bucket, capacity: 5, retryOnlyAbove: 5}}")))
                .isEqualTo("broken.yaml:17:12: strategies.jitter.budget: retryOnlyAbove must be below capacity 5, "
                        + "was 5: no retry could ever go");
        assertThat(only(withLine(17, "  jitter: {backoff: {type: constant, base: 1s, multiplier: 3}}"))).isEqualTo(
                "broken.yaml:17:60: strategies.jitter.backoff.multiplier: applies only to type: exponential; this "
                        + "backoff is constant");
    }

    @Test
    void severalMistakes_areAllReportedInFileOrderWithTheirLines() {
        String text = String.join("\n",
                "duration: 60s",
                "interval: 2m",
                "services:",
                "  api:",
                "    workers: 0",
                "    serviceTime: {exponentail: 10ms}",
                "clients:",
                "  agents: {count: 100, target: db, workload: {open: 0/s}, timeout: 200ms}",
                "faults:",
                "  - {type: outage, service: api, start: 10s, end: 90s, mode: hnag}",
                "strategies:",
                "  no-retry: {maxAttempts: 1, maxAttempts: 2}",
                "  bad name: {}",
                "");
        List<ScenarioError> errors = errors(text);
        assertThat(errors).extracting(ScenarioError::line).containsExactly(2, 5, 6, 8, 8, 10, 10, 12, 13);
        assertThat(errors).extracting(ScenarioError::path).containsExactly("interval", "services.api.workers",
                "services.api.serviceTime.exponentail", "clients.agents.target", "clients.agents.workload.open",
                "faults[0].end", "faults[0].mode", "strategies.no-retry.maxAttempts", "strategies.bad name");
        assertThat(errors.get(0).message()).isEqualTo("the interval (2m) must not be longer than the duration (1m)");
        assertThat(errors.get(2).message()).contains("did you mean 'exponential'?");
        assertThat(errors.get(4).message()).isEqualTo("must be more than 0/s, found 0/s");
        assertThat(errors.get(6).message()).contains("did you mean 'hang'?");
        assertThat(errors.get(7).message()).contains("given twice");
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.file()).isEqualTo("broken.yaml");
            assertThat(e.column()).isPositive();
        });
    }

    @Test
    void secondClientGroup_isRefusedForNow() {
        String text = VALID.replace("faults:", String.join("\n",
                "  more: {count: 1, target: api, workload: {open: 1/s}, timeout: 1s}", "faults:"));
        assertThat(only(errors(text))).startsWith(
                "broken.yaml:13:3: clients.more: a scenario has one client group for now");
    }

    @Test
    void tooManyIntervals_isRefused() {
        assertThat(only(errors("interval: 1ms\n" + VALID.replace("duration: 60s", "duration: 2h")))).isEqualTo(
                "broken.yaml:1:11: interval: the run would have 7200000 intervals of 1ms; at most 1000000 are "
                        + "allowed: lengthen the interval");
    }

    @Test
    void malformedYaml_isOneLocatedError() {
        List<ScenarioError> errors = withLine(11, "    workload: {open: 50/s");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isPositive();
            assertThat(e.message()).startsWith("not valid YAML");
        });
    }
}
