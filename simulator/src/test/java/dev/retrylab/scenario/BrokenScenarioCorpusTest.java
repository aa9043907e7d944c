package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A corpus of broken scenario files, one kind of mistake each (test resources
 * {@code dev/retrylab/scenario/broken}). Each file begins with one {@code # expect:} line per
 * error it must give, in file order: the start of {@code line:column: key.path: message}. The
 * loader must report exactly those errors, and nothing else.
 */
class BrokenScenarioCorpusTest {

    private static final String EXPECT = "# expect: ";

    /** Every kind of mistake the format promises to report; the corpus has a file for each. */
    private static final List<String> KINDS = List.of("unknown-key", "unknown-kind", "wrong-type", "out-of-range",
            "malformed-duration", "malformed-rate", "malformed-fraction", "undefined-service",
            "undefined-call-service", "undefined-strategy", "undefined-preset", "unknown-budget-preset",
            "call-cycle", "extends-cycle", "duplicate-service", "duplicate-strategy", "fault-after-run",
            "fault-before-first-interval", "fault-end-before-start", "malformed-yaml", "empty", "inherited-value",
            "several-mistakes");

    static Path directory() {
        try {
            return Path.of(BrokenScenarioCorpusTest.class.getResource("broken").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file of the corpus, sorted by name. */
    static List<Path> files() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void corpus_hasAFileForEveryKindOfMistake() {
        assertThat(files()).extracting(p -> p.getFileName().toString().replace(".yaml", ""))
                .containsExactlyInAnyOrderElementsOf(KINDS);
    }

    @Test
    void everyBrokenFile_givesExactlyItsExpectedErrors() throws IOException {
        for (Path file : files()) {
            String name = file.getFileName().toString();
            String text = Files.readString(file);
            List<String> expected = text.lines().takeWhile(line -> line.startsWith(EXPECT))
                    .map(line -> line.substring(EXPECT.length())).toList();
            assertThat(expected).as("%s starts with its expected errors", name).isNotEmpty();
            ScenarioException error = catchThrowableOfType(ScenarioException.class,
                    () -> ScenarioLoader.parse(name, text));
            assertThat(error).as("%s is refused", name).isNotNull();
            List<String> found = error.errors().stream()
                    .map(e -> e.toString().substring(name.length() + 1)).toList();
            assertThat(found).as("%s gives one error per expectation:%n%s", name, String.join("\n", found))
                    .hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(found.get(i)).as("%s, error %d", name, i + 1).startsWith(expected.get(i));
            }
        }
    }
}
