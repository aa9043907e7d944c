package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class SourceNodeTest {

    @Test
    void parse_keepsLinesColumnsAndKeyPaths() throws ScenarioException {
        SourceNode root = SourceNode.parse("s.yaml", String.join("\n",
                "name: storm",
                "services:",
                "  api:",
                "    workers: 8",
                "faults:",
                "  - start: 10s"));
        SourceNode workers = root.mapping().get("services").mapping().get("api").mapping().get("workers");
        assertThat(workers.scalar()).isEqualTo("8");
        assertThat(workers.path()).isEqualTo("services.api.workers");
        assertThat(workers.line()).isEqualTo(4);
        assertThat(workers.column()).isEqualTo(14);
        SourceNode start = root.mapping().get("faults").items().get(0).mapping().get("start");
        assertThat(start.path()).isEqualTo("faults[0].start");
        assertThat(start.line()).isEqualTo(6);
    }

    @Test
    void duplicateKey_isAnErrorAtTheSecondOne() {
        ScenarioException error = catchThrowableOfType(ScenarioException.class,
                () -> SourceNode.parse("s.yaml", "seed: 1\nduration: 10s\nseed: 2\n"));
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.path()).isEqualTo("seed");
            assertThat(e.message()).isEqualTo("'seed' is given twice, on lines 1 and 3: each name or key may appear "
                    + "once here");
        });
    }

    @Test
    void malformedYaml_isAnErrorWithItsLocation() {
        ScenarioException error = catchThrowableOfType(ScenarioException.class,
                () -> SourceNode.parse("bad.yaml", "services:\n  api: [1, 2\nseed: 3\n"));
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("bad.yaml");
            assertThat(e.line()).isPositive();
            assertThat(e.message()).startsWith("not valid YAML").doesNotContain("\n");
        });
        assertThat(error.getMessage()).startsWith("bad.yaml:");
    }

    @Test
    void blockMappingOrList_isLocatedAtItsKey() throws ScenarioException {
        SourceNode root = SourceNode.parse("s.yaml", "services:\n  api:\n    workers: 8\nfaults:\n  - start: 1s\n");
        SourceNode api = root.mapping().get("services").mapping().get("api");
        assertThat(api.line()).isEqualTo(2);
        assertThat(api.column()).isEqualTo(3);
        assertThat(root.mapping().get("faults").line()).isEqualTo(4);
    }

    @Test
    void secondDocument_isAnError() {
        ScenarioException error = catchThrowableOfType(ScenarioException.class,
                () -> SourceNode.parse("s.yaml", "seed: 1\n---\nseed: 2\n"));
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).contains("one document");
        });
    }

    @Test
    void emptyText_isANullNode() throws ScenarioException {
        assertThat(SourceNode.parse("empty.yaml", "").kind()).isEqualTo(SourceNode.Kind.NULL);
    }
}
