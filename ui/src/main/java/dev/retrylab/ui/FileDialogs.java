package dev.retrylab.ui;

import dev.retrylab.chart.ChartFormat;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions the workbench asks in a dialog: file choosers, and what to do with unsaved changes.
 * An interface, so that tests answer them without a native dialog.
 */
public interface FileDialogs {

    /** What to do with changes that are not saved, before they would be lost. */
    enum UnsavedChanges {
        /** Save them first, then go on. */
        SAVE,
        /** Drop them and go on. */
        DISCARD,
        /** Keep them and stop what would lose them. */
        CANCEL
    }

    /** Asks what to do with the unsaved changes of the scenario {@code name}. */
    UnsavedChanges unsavedChanges(String name);

    /** A scenario file to open, starting in {@code folder} when there is one. */
    Optional<Path> openScenario(Optional<Path> folder);

    /** Where to save the scenario, suggesting {@code name}. */
    Optional<Path> saveScenario(Optional<Path> folder, String name);

    /**
     * Where to export one file, suggesting {@code name} in {@code folder}; the extension of the
     * answer picks the format among {@code formats}.
     */
    Optional<Path> exportFile(Optional<Path> folder, String name, ChartFormat... formats);

    /** A folder to export every chart to. */
    Optional<Path> exportFolder(Optional<Path> folder);

    /** The format to export every chart in. */
    Optional<ChartFormat> exportFormat();
}
