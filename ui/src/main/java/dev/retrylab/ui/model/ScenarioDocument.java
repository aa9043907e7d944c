package dev.retrylab.ui.model;

import dev.retrylab.metrics.AtomicFile;
import dev.retrylab.model.Scenario;
import dev.retrylab.scenario.ScenarioError;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The scenario being edited: its text, the file it came from (none for a new one), whether it has
 * changed since it was opened or saved, and what is wrong with it. The text is validated on every
 * change, so the errors always describe the current text; {@link #scenario()} is present when it
 * has none. A blank text (a new document) has neither errors nor a scenario. Listeners hear of every change. Not thread-safe: use it from one thread.
 */
public final class ScenarioDocument {

    private static final String UNTITLED = "untitled.yaml";

    private final List<Runnable> listeners = new ArrayList<>();
    private String text = "";
    private Path file;
    private boolean dirty;
    private List<ScenarioError> errors = List.of();
    private Scenario scenario;

    public ScenarioDocument() {
        validate();
    }

    /** Calls {@code listener} after every change of text, file, dirty flag or errors. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Reads {@code file} and makes it this document, saved.
     *
     * @throws IOException with a readable message when the file cannot be read; the document is unchanged
     */
    public void open(Path file) throws IOException {
        if (Files.size(file) > ScenarioLoader.MAX_FILE_BYTES) {
            throw new IOException(file + " is larger than " + ScenarioLoader.MAX_FILE_BYTES / (1024 * 1024)
                    + " MB; a scenario file is a few kilobytes");
        }
        // one line ending, as an editor shows it: saving writes \n
        String read = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
        this.file = file;
        this.text = read;
        this.dirty = false;
        validate();
        changed();
    }

    /** Replaces the text, as an edit: the document becomes dirty when the text differs. */
    public void edit(String newText) {
        if (newText.equals(text)) {
            return;
        }
        text = newText;
        dirty = true;
        validate();
        changed();
    }

    /**
     * Writes the text to its file.
     *
     * @throws IllegalStateException when there is no file yet: use {@link #saveAs}
     */
    public void save() throws IOException {
        if (file == null) {
            throw new IllegalStateException("the scenario has no file yet");
        }
        saveAs(file);
    }

    /** Writes the text to {@code target} (through a temporary file) and makes it this document's file. */
    public void saveAs(Path target) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFile.writeBinary(target, out -> out.write(bytes));
        file = target;
        dirty = false;
        validate();
        changed();
    }

    public String text() {
        return text;
    }

    /** The file, or empty for a scenario never saved. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The file's name, or {@code untitled.yaml}: what errors and titles call the document. */
    public String name() {
        return file == null ? UNTITLED : file.getFileName().toString();
    }

    /** True when the text has changed since it was opened or saved. */
    public boolean dirty() {
        return dirty;
    }

    /** What is wrong with the text, in order; empty when it is a valid scenario. */
    public List<ScenarioError> errors() {
        return errors;
    }

    /** The errors that have a line, by their 1-based line in order, for marking them in an editor. */
    public SortedMap<Integer, List<ScenarioError>> errorsByLine() {
        return errors.stream().filter(error -> error.line() > 0).collect(Collectors.groupingBy(ScenarioError::line,
                TreeMap::new, Collectors.toList()));
    }

    /** The scenario the text describes, or empty when it has errors. */
    public Optional<Scenario> scenario() {
        return Optional.ofNullable(scenario);
    }

    private void validate() {
        if (text.isBlank()) {
            // nothing written yet: nothing to run, and nothing to complain about
            scenario = null;
            errors = List.of();
            return;
        }
        try {
            scenario = ScenarioLoader.parse(name(), text);
            errors = List.of();
        } catch (ScenarioException e) {
            scenario = null;
            errors = e.errors();
        }
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
