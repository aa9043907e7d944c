package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code scenarios/retrylab.schema.json}, the loader and the bundled files in agreement:
 * the schema describes exactly the key paths and choices the loader accepts, every bundled file
 * (reference.yaml included) and every preset validates against it and names it on its first
 * line, and mistakes the loader refuses are flagged by the schema too.
 */
class ScenarioSchemaTest {

    /** The first line of every bundled scenario: editors that read it complete and check keys. */
    static final String MODELINE = "# yaml-language-server: $schema=retrylab.schema.json";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode schemaTree;
    private static JsonSchema schema;

    /** A valid file; the mistakes below replace one of its lines. */
    private static final String VALID = String.join("\n",
            "duration: 60s",                                                                  // 1
            "services:",                                                                      // 2
            "  api: {workers: 10, serviceTime: {exponential: 10ms}}",                         // 3
            "  db: {workers: 2, serviceTime: 1ms}",                                           // 4
            "clients:",                                                                       // 5
            "  agents: {count: 100, target: api, workload: {open: 50/s}, timeout: 200ms}",    // 6
            "faults:",                                                                        // 7
            "  - {type: brownout, service: api, start: 10s, end: 15s, probability: 20%}",    // 8
            "strategies:",                                                                    // 9
            "  budget: {budget: {type: token-bucket, preset: aws-standard}}",                 // 10
            "  hedged: {hedge: {delay: 20ms}}",                                               // 11
            "");

    @BeforeAll
    static void readSchema() throws IOException {
        schemaTree = new ObjectMapper().readTree(BundledScenarios.file("retrylab.schema.json").toFile());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaTree);
    }

    private static Set<ValidationMessage> validate(String yaml) throws IOException {
        return schema.validate(YAML.readTree(yaml));
    }

    private static String withLine(int line, String replacement) {
        String[] lines = VALID.split("\n", -1);
        lines[line - 1] = replacement;
        return String.join("\n", lines);
    }

    @Test
    void schemaAndLoader_describeTheSameKeyPathsAndChoices() {
        Set<String> fromSchema = SchemaKeyPaths.of(schemaTree);
        Set<String> fromLoader = LoaderKeyPaths.all();
        Set<String> onlyInSchema = new TreeSet<>(fromSchema);
        onlyInSchema.removeAll(fromLoader);
        Set<String> onlyInLoader = new TreeSet<>(fromLoader);
        onlyInLoader.removeAll(fromSchema);
        assertThat(onlyInLoader).as("accepted by the loader but not described by the schema").isEmpty();
        assertThat(onlyInSchema).as("described by the schema but not accepted by the loader").isEmpty();
        assertThat(fromLoader).as("a sample of what both must hold").contains("services.*.calls.retry.backoff.cap",
                "strategies.*.extends=grpc-throttled", "faults[](type=rate-limit).perClient",
                "strategies.*.budget(type=grpc).tokenRatio", "clients.*.workload.schedule.points[].rate");
    }

    @Test
    void keyPathWalkers_seeAKeyMissingFromTheSchema() {
        JsonNode damaged = schemaTree.deepCopy();
        ((ObjectNode) damaged.at("/definitions/breaker/properties"))
                .remove("halfOpenCalls");
        Set<String> missing = new TreeSet<>(LoaderKeyPaths.all());
        missing.removeAll(SchemaKeyPaths.of(damaged));
        assertThat(missing).containsExactlyInAnyOrder("strategies.*.breaker.halfOpenCalls",
                "strategies.*.perTarget.*.breaker.halfOpenCalls", "services.*.calls.retry.breaker.halfOpenCalls");
    }

    @Test
    void everyProperty_hasADescription() {
        List<String> undocumented = new ArrayList<>();
        describe(schemaTree, "", undocumented);
        assertThat(undocumented).as("properties without a description, of their own or of the definition they "
                + "refer to").isEmpty();
    }

    private static void describe(JsonNode node, String path, List<String> undocumented) {
        if (node.isObject()) {
            node.path("properties").fields().forEachRemaining(entry -> {
                JsonNode property = entry.getValue();
                JsonNode referred = property.has("$ref") ? schemaTree.at(property.get("$ref").asText().substring(1))
                        : property;
                if (!property.has("description") && !referred.has("description")) {
                    undocumented.add(path + "." + entry.getKey());
                }
            });
            node.fields().forEachRemaining(entry -> {
                if (!entry.getKey().equals("if")) {
                    describe(entry.getValue(), path + "/" + entry.getKey(), undocumented);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> describe(item, path + "[]", undocumented));
        }
    }

    @Test
    void bundledFiles_startWithTheSchemaLineAndValidate() throws IOException {
        for (Path file : BundledScenarios.all()) {
            String text = Files.readString(file);
            assertThat(text.lines().findFirst()).as(file.toString()).hasValue(MODELINE);
            assertThat(validate(text)).as(file.toString()).isEmpty();
        }
    }

    @Test
    void everyPreset_validatesAsAStrategy() throws IOException {
        for (StrategyPresets.Preset preset : StrategyPresets.all()) {
            String strategy = preset.yaml().indent(4);
            String file = withLine(11, "  preset:\n" + strategy);
            assertThat(validate(file)).as(preset.name()).isEmpty();
        }
    }

    @Test
    void validBase_passesBothTheLoaderAndTheSchema() throws Exception {
        assertThat(ScenarioLoader.parse("s.yaml", VALID).strategies()).containsOnlyKeys("budget", "hedged");
        assertThat(validate(VALID)).isEmpty();
    }

    @Test
    void mistakesTheLoaderRefuses_areFlaggedByTheSchema() throws IOException {
        String[][] mistakes = {
            {"3", "  api: {wokers: 10, serviceTime: {exponential: 10ms}}"},
            {"3", "  api: {workers: 10, serviceTime: {exponential: 10}}"},
            {"3", "  api: {workers: 10, serviceTime: {exponentail: 10ms}}"},
            {"3", "  api: {workers: 0, serviceTime: 10ms}"},
            {"3", "  api: {workers: 10, serviceTime: 10ms, loadBalancing: round-robbin}"},
            {"3", "  api: {workers: 10, serviceTime: 10ms, failureProbability: 120%}"},
            {"3", "  api: {workers: 10, serviceTime: 10ms, calls: {service: db, timeout: 1s, retry: {scope: client}}}"},
            {"6", "  agents: {count: 100, target: api, workload: {open: 50 per second}, timeout: 200ms}"},
            {"6", "  agents: {count: 100, target: api, workload: {open: 50/s}, timeout: 200}"},
            {"6", "  agents: {count: 100, target: api, workload: {open: 50/s}}"},
            {"8", "  - {type: outage, service: api, start: 10s, end: 15s, probability: 20%}"},
            {"8", "  - {type: brownout, service: api, start: 10s, end: 15s}"},
            {"10", "  budget: {budget: {type: token-bucket, preset: aws-standard, capacity: 5}}"},
            {"10", "  budget: {budget: {type: token-bucket}}"},
            {"10", "  budget: {budget: {type: ratio, maxTokens: 5}}"},
            {"11", "  hedged: {hedge: {delay: 20ms, percentile: 95%}}"},
            {"11", "  hedged: {hedge: {percentile: 95%}}"},
            {"11", "  hedged: {backoff: {type: exponential, jitter: fulll}}"},
            {"11", "  hedged: {retryOn: [server-eror]}"},
            {"11", "  hedged: {scope: clients}"},
            {"11", "  hedged: {maxAttempts: 1001}"},
            {"1", "duration: 60"},
        };
        for (String[] mistake : mistakes) {
            String text = withLine(Integer.parseInt(mistake[0]), mistake[1]);
            ScenarioException loader = catchThrowableOfType(ScenarioException.class,
                    () -> ScenarioLoader.parse("s.yaml", text));
            assertThat(loader).as("the loader refuses %s", mistake[1]).isNotNull();
            assertThat(validate(text)).as("the schema flags %s", mistake[1]).isNotEmpty();
        }
    }
}
