package dev.retrylab.ui;

import dev.retrylab.chart.ChartFormat;
import java.nio.file.Path;
import java.util.Optional;

/** Answers the workbench's dialogs with what a test sets, and remembers what was asked. */
final class Answers implements FileDialogs {

    Path openFile;
    Path saveFile;
    Path exportFile;
    Path exportFolder;
    ChartFormat exportFormat;
    UnsavedChanges unsaved = UnsavedChanges.CANCEL;

    /** The one format offered by the last export question, or null when it offered several. */
    ChartFormat suggested;
    /** The file name the last export question suggested. */
    String suggestedName;
    /** How many times the unsaved-changes question was asked. */
    int unsavedAsked;

    @Override
    public UnsavedChanges unsavedChanges(String name) {
        unsavedAsked++;
        return unsaved;
    }

    @Override
    public Optional<Path> openScenario(Optional<Path> start) {
        return Optional.ofNullable(openFile);
    }

    @Override
    public Optional<Path> saveScenario(Optional<Path> start, String name) {
        return Optional.ofNullable(saveFile);
    }

    @Override
    public Optional<Path> exportFile(Optional<Path> start, String name, ChartFormat... formats) {
        suggested = formats.length == 1 ? formats[0] : null;
        suggestedName = name;
        return Optional.ofNullable(exportFile);
    }

    @Override
    public Optional<Path> exportFolder(Optional<Path> start) {
        return Optional.ofNullable(exportFolder);
    }

    @Override
    public Optional<ChartFormat> exportFormat() {
        return Optional.ofNullable(exportFormat);
    }
}
