package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecReaderTest {

    private final SpecReader reader = new SpecReader("s.yaml");

    private static SourceNode yaml(String text) throws ScenarioException {
        return SourceNode.parse("s.yaml", text);
    }

    @Test
    void unknownKey_isReportedWithASuggestionAndMissingKeysToo() throws ScenarioException {
        SourceNode node = yaml("wrokers: 8\nqueue: 10\n");
        reader.mapping(node, List.of("workers", "queue", "replicas"), Set.of("replicas"));
        assertThat(reader.errors()).extracting(ScenarioError::toString).containsExactly(
                "s.yaml:1:10: wrokers: unknown key 'wrokers' (did you mean 'workers'?); allowed here: workers, queue, replicas",
                "s.yaml:1:1: the key 'replicas' is required here");
    }

    @Test
    void typedValues_parseOrReportAndFallBack() throws ScenarioException {
        Map<String, SourceNode> m = yaml(String.join("\n",
                "timeout: 250ms", "bad: 10 parsecs", "rate: 6000/min", "share: 20%", "count: 12",
                "big: 99999999999", "flag: yes", "mode: hang", "level: 1.5")).mapping();
        assertThat(reader.duration(m.get("timeout"), Duration.ZERO, Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
        assertThat(reader.duration(m.get("bad"), Duration.ofSeconds(1), Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(reader.ratePerSecond(m.get("rate"), 0)).isEqualTo(100.0);
        assertThat(reader.number(m.get("share"), 0, 0, 1)).isEqualTo(0.2);
        assertThat(reader.integer(m.get("count"), 0, 1, 100)).isEqualTo(12);
        assertThat(reader.integer(m.get("big"), 7, 1, 1_000_000)).isEqualTo(7);
        assertThat(reader.bool(m.get("flag"), false)).isFalse();
        assertThat(reader.choice(m.get("mode"), Set.of("refuse", "hang", "error"), "refuse")).isEqualTo("hang");
        assertThat(reader.number(m.get("level"), 0.5, 0, 1)).isEqualTo(0.5);
        assertThat(reader.duration(null, Duration.ofSeconds(3), Duration.ZERO)).isEqualTo(Duration.ofSeconds(3));
        assertThat(reader.errors()).extracting(ScenarioError::path).containsExactly("bad", "big", "flag", "level");
        assertThat(reader.errors().get(0).message()).contains("ms, s");
        assertThat(reader.errors().get(1).message()).contains("from 1 to 1000000");
    }

    @Test
    void choice_suggestsTheNearestValue() throws ScenarioException {
        SourceNode node = yaml("mode: hnag").mapping().get("mode");
        reader.choice(node, Set.of("hang"), "hang");
        assertThat(reader.errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("did you mean 'hang'"));
    }

    @Test
    void editDistance_countsEditsAndNeighbourSwapsAsOne() {
        assertThat(SpecReader.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(SpecReader.editDistance("hnag", "hang")).isEqualTo(1);
        assertThat(SpecReader.editDistance("", "abc")).isEqualTo(3);
        assertThat(SpecReader.editDistance("same", "same")).isZero();
        assertThat(SpecReader.suggestion("zzzzzz", List.of("workers"))).isEmpty();
    }
}
