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
                        + "loadBalancing, failureProbability, failureKind, contendedRows, calls");
    }

    @Test
    void unknownKeyAtTheTop_alsoNamesTheMissingRequiredKeyOnce() {
        List<ScenarioError> errors = withLine(1, "duraton: 60s");
        assertThat(errors).extracting(ScenarioError::toString).containsExactly(
                "broken.yaml:1:1: the key 'duration' is required here",
                "broken.yaml:1:10: duraton: unknown key 'duraton' (did you mean 'duration'?); allowed here: name, "
                        + "description, seed, replications, duration, interval, services, clients, faults, strategies, "
                        + "herd");
    }

    @Test
    void wrongType_saysWhatWasFound() {
        assertThat(only(withLine(5, "    workers: [10]"))).isEqualTo(
                "broken.yaml:5:5: services.api.workers: must be a single value, found a list");
        assertThat(only(withLine(11, "    workload: 50/s"))).isEqualTo(
                "broken.yaml:11:15: clients.agents.workload: must be a workload: {open: 100/s}, {burst: {at: 10s, "
                        + "spread: 0ms}}, {closed: {think: 100ms, requests: 0, spread: 1s}}, {periodic: {every: 1m, "
                        + "phases: aligned}} or {schedule: {points: [{at: 0s, rate: 100/s}, {at: 60s, rate: 1000/s}]}}, "
                        + "found '50/s'");
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
    void secondClientGroup_isCheckedLikeTheFirst() {
        String text = VALID.replace("faults:", String.join("\n",
                "  more: {count: 1, target: ap, workload: {open: 1/s}, timeout: 1s}", "faults:"));
        assertThat(only(errors(text))).isEqualTo("broken.yaml:13:28: clients.more.target: names service 'ap', which "
                + "is not defined (did you mean 'api'?); defined services: api");
    }

    @Test
    void periodicAndScheduleWorkloads_reportBadValuesAtTheirKey() {
        assertThat(only(withLine(11, "    workload: {periodic: {every: 0s}}"))).isEqualTo(
                "broken.yaml:11:34: clients.agents.workload.periodic.every: must be more than 0, found 0s");
        assertThat(only(withLine(11, "    workload: {periodic: {every: 1m, phases: random}}"))).isEqualTo(
                "broken.yaml:11:46: clients.agents.workload.periodic.phases: 'random' is not one of aligned, spread");
        assertThat(only(withLine(11, "    workload: {periodic: {phases: spread}}"))).isEqualTo(
                "broken.yaml:11:16: clients.agents.workload.periodic: the key 'every' is required here");
    }

    @Test
    void badSchedule_isReportedAtThePointThatBreaksIt() {
        assertThat(only(withLine(11, "    workload: {schedule: {points: [{at: 10s, rate: 5/s}, {at: 5s, rate: 9/s}]}}")))
                .isEqualTo("broken.yaml:11:63: clients.agents.workload.schedule.points[1].at: must be after the "
                        + "previous point's 10s: points are listed in increasing time order");
        assertThat(only(withLine(11, "    workload: {schedule: {points: [{at: 0s, rate: -5/s}]}}"))).isEqualTo(
                "broken.yaml:11:51: clients.agents.workload.schedule.points[0].rate: '-5/s' is negative: a rate "
                        + "must be zero or more");
        assertThat(only(withLine(11, "    workload: {schedule: {points: [{at: 0s, rate: 0/s}, {at: 9s, rate: 0/s}]}}")))
                .isEqualTo("broken.yaml:11:27: clients.agents.workload.schedule.points: needs a rate above 0/s at "
                        + "some point: every rate is 0/s");
        assertThat(only(withLine(11, "    workload: {schedule: {points: [{at: 60s, rate: 5/s}]}}"))).isEqualTo(
                "broken.yaml:11:41: clients.agents.workload.schedule.points[0].at: must be before the run ends "
                        + "(duration 1m)");
        assertThat(only(withLine(11, "    workload: {schedule: {points: []}}"))).isEqualTo(
                "broken.yaml:11:27: clients.agents.workload.schedule.points: must list at least one point, for "
                        + "example [{at: 0s, rate: 100/s}]");
        assertThat(withLine(11, "    workload: {schedule: {ramp: linear, points: [{at: 0s}]}}"))
                .extracting(ScenarioError::message).containsExactly("must be true or false, found 'linear'",
                        "the key 'rate' is required here");
    }

    /** Two services calling each other; the tests replace one of its lines. */
    private static final String TIERS = String.join("\n",
            "duration: 60s",                                                      // 1
            "services:",                                                          // 2
            "  api:",                                                             // 3
            "    workers: 10",                                                    // 4
            "    serviceTime: 10ms",                                              // 5
            "    calls: {service: db, timeout: 100ms, retry: {maxAttempts: 2}}",  // 6
            "  db:",                                                              // 7
            "    workers: 10",                                                    // 8
            "    serviceTime: 1ms",                                               // 9
            "    failureKind: conflict",                                          // 10
            "clients:",                                                           // 11
            "  agents: {count: 10, target: api, workload: {open: 5/s}, timeout: 1s}", // 12
            "strategies:",                                                        // 13
            "  no-retry: {maxAttempts: 1}",                                       // 14
            "");

    private static List<ScenarioError> tiersWithLine(int line, String replacement) {
        String[] lines = TIERS.split("\n", -1);
        lines[line - 1] = replacement;
        return errors(String.join("\n", lines));
    }

    @Test
    void downstreamCallBase_loads() throws ScenarioException {
        assertThat(ScenarioLoader.parse("broken.yaml", TIERS).calls()).hasSize(1);
    }

    @Test
    void downstreamCallToAnUndefinedServiceOrItself_isRefused() {
        assertThat(only(tiersWithLine(6, "    calls: {service: dbb, timeout: 100ms}"))).isEqualTo(
                "broken.yaml:6:22: services.api.calls.service: names service 'dbb', which is not defined (did you "
                        + "mean 'db'?); defined services: api, db");
        assertThat(only(tiersWithLine(6, "    calls: {service: api, timeout: 100ms}"))).isEqualTo(
                "broken.yaml:6:22: services.api.calls.service: names 'api' itself: a service cannot call itself");
    }

    @Test
    void downstreamCallsThatLoop_areRefusedAtTheCallClosingTheCycle() {
        assertThat(only(tiersWithLine(10, "    calls: {service: api, timeout: 1s}"))).isEqualTo(
                "broken.yaml:10:22: services.db.calls.service: service calls form a cycle through 'api' "
                        + "(db -> api -> db): remove one of these calls");
    }

    @Test
    void downstreamCallMistakes_areLocatedInsideTheCall() {
        assertThat(only(tiersWithLine(6, "    calls: [{service: db, timeout: 1s}, {service: db, timeout: 1s}]")))
                .isEqualTo("broken.yaml:6:5: services.api.calls: a service makes at most one downstream call: "
                        + "write one mapping such as {service: db, timeout: 100ms, retry: {maxAttempts: 3}}, found a "
                        + "list of 2");
        assertThat(only(tiersWithLine(6, "    calls: {service: db}"))).isEqualTo(
                "broken.yaml:6:5: services.api.calls: the key 'timeout' is required here");
        assertThat(only(tiersWithLine(6, "    calls: {service: db, timeout: 0s}"))).isEqualTo(
                "broken.yaml:6:35: services.api.calls.timeout: must be more than 0, found 0s");
        assertThat(only(tiersWithLine(6, "    calls: {service: db, timeout: 1s, retry: {maxAttempts: 0}}")))
                .isEqualTo("broken.yaml:6:60: services.api.calls.retry.maxAttempts: must be a whole number from 1 "
                        + "to 1000, found 0");
        assertThat(only(tiersWithLine(6, "    calls: {service: db, timeout: 1s, retry: {scope: client}}")))
                .isEqualTo("broken.yaml:6:54: services.api.calls.retry.scope: unknown key 'scope'; allowed here: "
                        + "extends, retry, maxAttempts, backoff, maxDuration, retryAfter, retryOn, neverRetry, budget, "
                        + "breaker, throttle, adaptive, hedge, bulkhead");
    }

    @Test
    void badServiceAndFaultSettings_areLocated() {
        assertThat(only(tiersWithLine(10, "    contendedRows: -1"))).isEqualTo(
                "broken.yaml:10:20: services.db.contendedRows: must be a whole number from 0 to 10000000, found -1");
        assertThat(only(withLine(14,
                "  - {type: rate-limit, service: api, start: 10s, end: 15s, rate: 5/s, perClient: yes}")))
                .isEqualTo("broken.yaml:14:82: faults[0].perClient: must be true or false, found 'yes'");
    }

    @Test
    void badHedge_isReportedWithWhatWouldBeValid() {
        assertThat(only(withLine(17, "  jitter: {hedge: {delay: 20ms, percentile: 95%}}"))).isEqualTo(
                "broken.yaml:17:45: strategies.jitter.hedge.percentile: cannot be combined with delay: give either a "
                        + "fixed delay (delay: 20ms) or a percentile with its fallback (percentile: 95%, "
                        + "fallbackDelay: 50ms)");
        assertThat(only(withLine(17, "  jitter: {hedge: {maxHedges: 2}}"))).isEqualTo(
                "broken.yaml:17:12: strategies.jitter.hedge: a hedge needs a delay: a fixed one (delay: 20ms) or a "
                        + "percentile of recent latencies with a fallback (percentile: 95%, fallbackDelay: 50ms)");
        assertThat(withLine(17, "  jitter: {hedge: {percentile: 95}}")).extracting(ScenarioError::toString)
                .containsExactly("broken.yaml:17:12: strategies.jitter.hedge: the key 'fallbackDelay' is required "
                        + "with a percentile: it is the delay until enough latencies were seen",
                        "broken.yaml:17:32: strategies.jitter.hedge.percentile: must be a percentage above 0% and at "
                        + "most 100%, such as 95% or 99.9%, found '95'");
        assertThat(only(withLine(17, "  jitter: {hedge: {delay: 20ms, window: 10}}"))).isEqualTo(
                "broken.yaml:17:41: strategies.jitter.hedge.window: applies only to a percentile delay "
                        + "(percentile: 95%)");
        assertThat(only(withLine(17, "  jitter: {hedge: {maxHedges: 0, delay: 1ms}}"))).isEqualTo(
                "broken.yaml:17:31: strategies.jitter.hedge.maxHedges: must be a whole number from 1 to 100, found 0");
        assertThat(only(withLine(17,
                "  jitter: {hedge: {percentile: 95%, fallbackDelay: 5ms, window: 10, minSamples: 20}}"))).isEqualTo(
                "broken.yaml:17:12: strategies.jitter.hedge: minSamples (20) must not exceed window (10)");
    }

    @Test
    void badScopeOrFailureKinds_areReportedAtTheirItem() {
        assertThat(only(withLine(17, "  jitter: {scope: clients}"))).isEqualTo(
                "broken.yaml:17:19: strategies.jitter.scope: 'clients' is not one of group, client (did you mean "
                        + "'client'?)");
        assertThat(only(withLine(17, "  jitter: {retryOn: [timeout, circuit-open]}"))).isEqualTo(
                "broken.yaml:17:31: strategies.jitter.retryOn[1]: CIRCUIT_OPEN is a local refusal and is never "
                        + "retried: retrying it would only hammer the breaker or bulkhead that refused");
        assertThat(only(withLine(17, "  jitter: {neverRetry: [server-eror]}"))).startsWith(
                "broken.yaml:17:25: strategies.jitter.neverRetry[0]: 'server-eror' is not one of timeout, ");
        assertThat(only(withLine(17, "  jitter: {neverRetry: [server-eror]}"))).endsWith(
                "(did you mean 'server-error'?)");
        assertThat(only(withLine(17, "  jitter: {retryOn: [server-error], neverRetry: [server-error]}"))).isEqualTo(
                "broken.yaml:17:50: strategies.jitter.neverRetry[0]: 'server-error' is in retryOn too: list each "
                        + "kind in one of retryOn and neverRetry");
        assertThat(only(withLine(17, "  jitter: {retryOn: timeout}"))).isEqualTo(
                "broken.yaml:17:21: strategies.jitter.retryOn: must be a list, found 'timeout'");
    }

    @Test
    void tooManyIntervals_isRefused() {
        assertThat(only(errors("interval: 1ms\n" + VALID.replace("duration: 60s", "duration: 2h")))).isEqualTo(
                "broken.yaml:1:11: interval: the run would have 7200000 intervals of 1ms; at most 1000000 are "
                        + "allowed: lengthen the interval");
    }

    @Test
    void multiLineValue_isQuotedOnOneLine() {
        assertThat(only(withLine(12, "    timeout: \"20\\n0ms\""))).isEqualTo(
                "broken.yaml:12:14: clients.agents.timeout: '20\\n0ms' is not a duration: write a number and a unit "
                        + "(ns, us (or µs), ms, s, m (or min), h), for example 250ms or 2s");
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
