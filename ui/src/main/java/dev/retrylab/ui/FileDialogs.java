package dev.retrylab.ui;

import dev.retrylab.chart.ChartFormat;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions the workbench asks with a file chooser. An interface, so that tests answer them
 * without a native dialog.
 */
public interface FileDialogs {

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
