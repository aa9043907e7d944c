package dev.retrylab.ui;

import dev.retrylab.chart.ChartFormat;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link FileDialogs} with the platform's file and folder choosers and a JavaFX alert. */
final class NativeFileDialogs implements FileDialogs {

    private final Window owner;

    NativeFileDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public UnsavedChanges unsavedChanges(String name) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Your changes will be lost if you don't save them.",
                save, discard, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to " + name + "?");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return UnsavedChanges.CANCEL;
        }
        return answer.get() == save ? UnsavedChanges.SAVE : UnsavedChanges.DISCARD;
    }

    @Override
    public Optional<Path> openScenario(Optional<Path> folder) {
        FileChooser chooser = chooser("Open a scenario", folder);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenarios (*.yaml, *.yml)", "*.yaml",
                "*.yml"));
        return path(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> saveScenario(Optional<Path> folder, String name) {
        FileChooser chooser = chooser("Save the scenario as", folder);
        chooser.setInitialFileName(name);
        return path(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> exportFile(Optional<Path> folder, String name, ChartFormat... formats) {
        FileChooser chooser = chooser("Export", folder);
        for (ChartFormat format : formats) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    format.name() + " (*." + format.extension() + ")", "*." + format.extension()));
        }
        chooser.setInitialFileName(name);
        return path(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> exportFolder(Optional<Path> folder) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export every chart to");
        folder.filter(Files::isDirectory).ifPresent(start -> chooser.setInitialDirectory(start.toFile()));
        return path(chooser.showDialog(owner));
    }

    @Override
    public Optional<ChartFormat> exportFormat() {
        ChoiceDialog<String> dialog = new ChoiceDialog<>("png", List.of("png", "svg", "pdf"));
        dialog.initOwner(owner);
        dialog.setTitle("Export every chart");
        dialog.setHeaderText("The format of the chart files");
        return dialog.showAndWait().map(choice -> ChartFormat.valueOf(choice.toUpperCase(Locale.ROOT)));
    }

    private static FileChooser chooser(String title, Optional<Path> folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        folder.filter(Files::isDirectory).ifPresent(start -> chooser.setInitialDirectory(start.toFile()));
        return chooser;
    }

    private static Optional<Path> path(File file) {
        return Optional.ofNullable(file).map(File::toPath);
    }
}
