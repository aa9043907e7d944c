package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.retrylab.model.Scenario;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.io.IOException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Units are written as people write them, everywhere they make sense: a duration as 250ms, 2s,
 * 1.5s, 5m or 5min; a rate as 100/s or 6000/min; a fraction as 20% or 0.2. Each spelling gives the
 * same scenario as its plain equivalent, a different value gives a different one (so the key is
 * read), and the schema accepts every spelling too.
 */
class UnitSpellingsTest {

    /** Every place of a scenario that takes a unit, each marked {@code <key>} to be filled in. */
    private static final String TEMPLATE = String.join("\n",
            "duration: <duration>",
            "interval: <interval>",
            "services:",
            "  api:",
            "    workers: 10",
            "    serviceTime: {mixture: {p: <p>, a: {constant: <constant>}, b: {exponential: <mean>}}}",
            "    loadCost: <loadCost>",
            "    networkDelay: <networkDelay>",
            "    failureProbability: <failureProbability>",
            "clients:",
            "  agents: {count: 10, target: api, workload: {open: <open>}, timeout: <timeout>, deadline: <deadline>}",
            "  ramp: {count: 10, target: api, workload: {schedule: {points: [{at: <at>, rate: <rate>}]}}, timeout: 1s}",
            "  closed: {count: 10, target: api, workload: {closed: {think: <think>}}, timeout: 1s}",
            "faults:",
            "  - {type: brownout, service: api, start: <start>, end: <end>, probability: <probability>}",
            "  - {type: rate-limit, service: api, start: 1s, end: 2s, rate: <limit>, retryAfter: <retryAfter>}",
            "  - {type: capacity-loss, service: api, start: 1s, end: 2s, fraction: <fraction>}",
            "  - {type: partial-failure, service: api, start: 1s, end: 2s, clients: <clients>}",
            "strategies:",
            "  s:",
            "    maxDuration: <maxDuration>",
            "    backoff: {type: exponential, base: <base>, cap: <cap>, jitter: proportional, jitterFactor: <jf>}",
            "    budget: {type: ratio, percent: <percent>, ttl: <ttl>}",
            "    breaker: {failureRate: <failureRate>, window: <window>, openDuration: <openDuration>}",
            "    throttle: {window: <throttleWindow>}",
            "    hedge: {delay: <delay>}",
            "  t:",
            "    budget: {type: token-bucket, capacity: 10, refill: <refill>}",
            "    adaptive: {health: [<low>, <high>]}",
            "");

    /** For each place: a plain spelling, another spelling of the same value, and a different value. */
    private static final String[][] PLACES = {
        {"duration", "120s", "2m", "3m"},
        {"interval", "1000ms", "1s", "500ms"},
        {"p", "0.9", "90%", "80%"},
        {"constant", "1500us", "1.5ms", "2ms"},
        {"mean", "0.01s", "10ms", "11ms"},
        {"loadCost", "1000us", "1ms", "2ms"},
        {"networkDelay", "1000000ns", "1ms", "2ms"},
        {"failureProbability", "0.2", "20%", "30%"},
        {"open", "100/s", "6000/min", "6000/h"},
        {"timeout", "0.25s", "250ms", "300ms"},
        {"deadline", "120s", "2min", "3min"},
        {"at", "60s", "1m", "90s"},
        {"rate", "2/s", "120/m", "2/ms"},
        {"think", "0.1s", "100ms", "200ms"},
        {"start", "10s", "10000ms", "11s"},
        {"end", "90s", "1.5m", "100s"},
        {"probability", "0.05", "5%", "6%"},
        {"limit", "50/s", "3000/min", "60/s"},
        {"retryAfter", "60s", "1m", "2m"},
        {"fraction", "0.5", "50%", "40%"},
        {"clients", "0.1", "10%", "20%"},
        {"maxDuration", "60s", "1min", "2min"},
        {"base", "0.1s", "100ms", "200ms"},
        {"cap", "300s", "5m", "6m"},
        {"jf", "0.25", "25%", "30%"},
        {"percent", "0.2", "20%", "30%"},
        {"ttl", "10000ms", "10s", "20s"},
        {"failureRate", "0.5", "50%", "60%"},
        {"window", "60s", "1m", "2m"},
        {"openDuration", "30000ms", "30s", "31s"},
        {"throttleWindow", "120s", "2m", "3m"},
        {"delay", "0.02s", "20ms", "30ms"},
        {"refill", "1/s", "60/min", "2/s"},
        {"low", "0.5", "50%", "40%"},
        {"high", "0.9", "90%", "95%"},
    };

    private static JsonSchema schema;

    @BeforeAll
    static void readSchema() throws IOException {
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(
                new ObjectMapper().readTree(BundledScenarios.file("retrylab.schema.json").toFile()));
    }

    /** The template with {@code value} at {@code place} and every other place at its plain spelling. */
    private static String fill(String place, String value) {
        String text = TEMPLATE;
        for (String[] other : PLACES) {
            text = text.replace("<" + other[0] + ">", other[0].equals(place) ? value : other[1]);
        }
        return text;
    }

    /** Everything the loader read, as text: services, clients, faults, calls and each strategy built. */
    private static String read(String text) throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("units.yaml", text);
        RetryPolicy s = (RetryPolicy) scenario.strategies().get("s").create(() -> 0L).retry();
        return scenario.durationNanos() + " " + scenario.intervalNanos() + " " + scenario.services() + " "
                + scenario.clients() + " " + scenario.faults() + " " + scenario.strategies().values().stream()
                .map(factory -> factory.create(() -> 0L).toString()).collect(Collectors.joining(" "))
                + " jitterFactor=" + s.backoff().jitterFactor();
    }

    @Test
    void everySpelling_givesTheSameScenarioAsThePlainOne() throws Exception {
        String plain = read(fill("", ""));
        for (String[] place : PLACES) {
            assertThat(read(fill(place[0], place[2]))).as("%s: %s", place[0], place[2]).isEqualTo(plain);
        }
    }

    @Test
    void aDifferentValue_givesADifferentScenario() throws Exception {
        String plain = read(fill("", ""));
        for (String[] place : PLACES) {
            assertThat(read(fill(place[0], place[3]))).as("%s: %s", place[0], place[3]).isNotEqualTo(plain);
        }
    }

    @Test
    void theSchema_acceptsEverySpelling() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        assertThat(schema.validate(yaml.readTree(fill("", "")))).isEmpty();
        for (String[] place : PLACES) {
            for (String value : new String[] {place[2], place[3]}) {
                assertThat(schema.validate(yaml.readTree(fill(place[0], value)))).as("%s: %s", place[0], value)
                        .isEmpty();
            }
        }
    }
}
