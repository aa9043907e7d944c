package dev.retrylab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioDocumentTest {

    @TempDir
    Path folder;

    @Test
    void open_validFile_cleanWithScenarioAndNoErrors() throws IOException {
        Path file = write("tiny.yaml", TinyScenario.TEXT);
        ScenarioDocument document = new ScenarioDocument();

        document.open(file);

        assertThat(document.text()).isEqualTo(TinyScenario.TEXT);
        assertThat(document.file()).contains(file);
        assertThat(document.dirty()).isFalse();
        assertThat(document.errors()).isEmpty();
        assertThat(document.scenario()).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("tiny"));
    }

    @Test
    void edit_breaksAKeyOnLine7_errorMarkedAtLine7AndNoScenario() throws IOException {
        ScenarioDocument document = new ScenarioDocument();
        document.open(write("tiny.yaml", TinyScenario.TEXT));

        document.edit(TinyScenario.TEXT.replace("workers: 4", "workers: many"));

        assertThat(document.dirty()).isTrue();
        assertThat(document.scenario()).isEmpty();
        assertThat(document.errorsByLine()).containsOnlyKeys(7);
        assertThat(document.errorsByLine().get(7)).containsExactlyElementsOf(document.errors());
        assertThat(document.errors().get(0).toString()).startsWith("tiny.yaml:7:").contains("workers");
    }

    @Test
    void edit_fixesTheError_errorsClearedAndScenarioBack() throws IOException {
        ScenarioDocument document = new ScenarioDocument();
        document.open(write("tiny.yaml", TinyScenario.TEXT.replace("workers: 4", "workers: -1")));
        assertThat(document.errors()).isNotEmpty();

        document.edit(TinyScenario.TEXT);

        assertThat(document.errors()).isEmpty();
        assertThat(document.scenario()).isPresent();
    }

    @Test
    void edit_sameText_staysCleanAndTellsNoOne() throws IOException {
        ScenarioDocument document = new ScenarioDocument();
        document.open(write("tiny.yaml", TinyScenario.TEXT));
        AtomicInteger changes = new AtomicInteger();
        document.addListener(changes::incrementAndGet);

        document.edit(TinyScenario.TEXT);

        assertThat(document.dirty()).isFalse();
        assertThat(changes).hasValue(0);
    }

    @Test
    void saveAs_afterEdit_writesTheTextAndBecomesClean() throws IOException {
        ScenarioDocument document = new ScenarioDocument();
        document.edit(TinyScenario.TEXT);
        assertThat(document.name()).isEqualTo("untitled.yaml");
        Path target = folder.resolve("saved.yaml");

        document.saveAs(target);

        assertThat(Files.readString(target)).isEqualTo(TinyScenario.TEXT);
        assertThat(document.dirty()).isFalse();
        assertThat(document.name()).isEqualTo("saved.yaml");
    }

    @Test
    void new_blankText_noErrorsAndNoScenario() {
        ScenarioDocument document = new ScenarioDocument();

        assertThat(document.errors()).isEmpty();
        assertThat(document.scenario()).isEmpty();
        assertThat(document.dirty()).isFalse();
    }

    @Test
    void edit_textWithoutRequiredKeys_errorsListed() {
        ScenarioDocument document = new ScenarioDocument();

        document.edit("name: x\n");

        assertThat(document.errors()).isNotEmpty();
        assertThat(document.scenario()).isEmpty();
    }

    @Test
    void save_withoutFile_refused() {
        ScenarioDocument document = new ScenarioDocument();
        document.edit(TinyScenario.TEXT);

        assertThatThrownBy(document::save).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void open_windowsLineEndings_oneLineEndingCleanAndValid() throws IOException {
        ScenarioDocument document = new ScenarioDocument();

        document.open(write("crlf.yaml", TinyScenario.TEXT.replace("\n", "\r\n")));

        assertThat(document.text()).isEqualTo(TinyScenario.TEXT);
        assertThat(document.dirty()).isFalse();
        assertThat(document.scenario()).isPresent();
    }

    @Test
    void open_missingFile_throwsAndKeepsTheDocument() throws IOException {
        ScenarioDocument document = new ScenarioDocument();
        document.open(write("tiny.yaml", TinyScenario.TEXT));

        assertThatThrownBy(() -> document.open(folder.resolve("missing.yaml"))).isInstanceOf(IOException.class);
        assertThat(document.name()).isEqualTo("tiny.yaml");
        assertThat(document.text()).isEqualTo(TinyScenario.TEXT);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }
}
