package dev.retrylab.ui;

import dev.retrylab.chart.ChartFormat;
import dev.retrylab.chart.Charts;
import dev.retrylab.chart.NamedChart;
import dev.retrylab.chart.SmallMultiples;
import dev.retrylab.chart.SweepResults;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ScenarioResult;
import dev.retrylab.report.ReportTables;
import dev.retrylab.ui.model.ChartExports;
import dev.retrylab.ui.model.Messages;
import dev.retrylab.ui.model.RecentFiles;
import dev.retrylab.ui.model.RunOutcome;
import dev.retrylab.ui.model.RunSettings;
import dev.retrylab.ui.model.RunTask;
import dev.retrylab.ui.model.ScenarioDocument;
import dev.retrylab.ui.model.Settings;
import dev.retrylab.ui.model.SweepPlan;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The workbench window: the scenario editor and the run settings on the left, the results on the
 * right (the charts in tabs, the strategies side by side, the summary table, a sweep), the menus
 * for files and exports, and a status line with the progress bar, the cancel button and any
 * message. Runs go to a background thread; what they report comes back on the JavaFX thread.
 */
final class Workbench {

    private static final String TITLE = "retrylab workbench";
    private static final String ERROR_STYLE = "-fx-text-fill: #b00020;";

    private final Stage stage;
    private final Path library;
    private final FileDialogs dialogs;
    private final ScenarioDocument document = new ScenarioDocument();
    private final RunSettings settings = new RunSettings();
    private final RecentFiles recent;
    private final ChartExports exports;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "retrylab-workbench-run");
        thread.setDaemon(true);
        return thread;
    });

    private final BorderPane root = new BorderPane();
    private final EditorPane editor;
    private final RunPane runPane;
    private final TabPane results = new TabPane();
    private final TabPane charts = new TabPane();
    private final TilePane sideBySide = new TilePane(6, 6);
    private final SummaryView summary = new SummaryView();
    private final SweepView sweep = new SweepView(this::exportChart);
    private final Tab sweepTab = new Tab("Sweep", sweep);
    private final Label message = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancel = new Button("Cancel");

    private List<String> adopted = List.of();
    private ScenarioResult result;
    private RunTask<?> running;

    Workbench(Stage stage, Settings store, Path library, FileDialogs dialogs) {
        this.stage = stage;
        this.library = library;
        this.dialogs = dialogs;
        this.recent = new RecentFiles(store);
        this.exports = new ChartExports(store);
        editor = new EditorPane(document);
        runPane = new RunPane(settings);
        runPane.run.setOnAction(event -> run());
        sweep.run.setOnAction(event -> runSweep());
        cancel.setId("cancel");
        cancel.setDisable(true);
        cancel.setOnAction(event -> cancelRun());
        document.addListener(this::documentChanged);
        stage.setOnCloseRequest(event -> {
            if (!changesSettled()) {
                event.consume();
            }
        });
        layOut();
        // Escape cancels a run wherever the focus is: a text field or the editor would take it first
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && running != null) {
                cancelRun();
                event.consume();
            }
        });
        acceptDroppedFiles();
        documentChanged();
    }

    Parent root() {
        return root;
    }

    /** Stops the run thread; a run under way is cancelled. */
    void close() {
        cancelRun();
        runner.shutdownNow();
    }

    private void layOut() {
        charts.setId("charts");
        results.setId("results");
        sideBySide.setId("sideBySide");
        sideBySide.setPadding(new Insets(6));
        sweepTab.setId("sweepTab");
        Tab chartsTab = new Tab("Charts", charts);
        chartsTab.setId("chartsTab");
        ScrollPane sideScroll = new ScrollPane(sideBySide);
        sideScroll.setFitToWidth(true);
        Tab sideTab = new Tab("Side by side", sideScroll);
        Tab summaryTab = new Tab("Summary", summary);
        summaryTab.setId("summaryTab");
        results.getTabs().addAll(chartsTab, sideTab, summaryTab, sweepTab);
        results.getTabs().forEach(tab -> tab.setClosable(false));
        VBox left = new VBox(editor, runPane);
        VBox.setVgrow(editor, Priority.ALWAYS);
        SplitPane split = new SplitPane(left, results);
        split.setDividerPositions(0.36);
        message.setId("message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        progress.setId("progress");
        progress.setPrefWidth(220);
        HBox status = new HBox(8, message, progress, cancel);
        status.setPadding(new Insets(4, 8, 4, 8));
        root.setTop(menus());
        root.setCenter(split);
        root.setBottom(status);
    }

    private MenuBar menus() {
        Menu file = new Menu("File");
        Menu recentMenu = new Menu("Open recent");
        recentMenu.setId("recentMenu");
        file.setOnShowing(event -> recentMenu.getItems().setAll(recent.files().stream().map(path -> item(
                path.toString(), null, () -> open(path))).toList()));
        file.getItems().addAll(
                item("Open…", "Shortcut+O", this::openChosen), recentMenu, new SeparatorMenuItem(),
                item("Save", "Shortcut+S", this::save), item("Save as…", "Shortcut+Shift+S", this::saveAs),
                new SeparatorMenuItem(), item("Quit", "Shortcut+Q", this::quit));
        Menu libraryMenu = new Menu("Library");
        libraryMenu.getItems().setAll(libraryFiles().stream().map(path -> item(path.getFileName().toString(), null,
                () -> open(path))).toList());
        Menu run = new Menu("Run");
        run.getItems().addAll(item("Run", "F5", this::run), item("Cancel", "Escape", this::cancelRun));
        Menu export = new Menu("Export");
        export.setId("exportMenu");
        export.getItems().addAll(item("Export the chart…", "Shortcut+E", this::exportChart),
                item("Export every chart…", "Shortcut+Shift+E", this::exportAll),
                item("Export the report…", "Shortcut+R", this::exportReport));
        return new MenuBar(file, libraryMenu, run, export);
    }

    private static MenuItem item(String text, String shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (shortcut != null) {
            item.setAccelerator(KeyCombination.keyCombination(shortcut));
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    private void acceptDroppedFiles() {
        root.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        root.setOnDragDropped(event -> {
            List<File> files = event.getDragboard().hasFiles() ? List.copyOf(event.getDragboard().getFiles())
                    : List.of();
            event.setDropCompleted(firstScenario(files).isPresent());
            event.consume();
            // after the gesture has ended: opening may ask about unsaved changes in a dialog
            Platform.runLater(() -> openDropped(files));
        });
    }

    /** Opens the first scenario file among {@code files}, dropped on the window, or says there is none. */
    void openDropped(List<File> files) {
        firstScenario(files).ifPresentOrElse(this::open, () -> error(
                "only a scenario file (.yaml or .yml) can be opened; dropped: "
                        + files.stream().map(File::getName).collect(Collectors.joining(", "))));
    }

    private static Optional<Path> firstScenario(List<File> files) {
        return files.stream().map(File::toPath).filter(Workbench::isScenarioFile).findFirst();
    }

    private static boolean isScenarioFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The scenario files of the library folder, by name. */
    List<Path> libraryFiles() {
        if (!Files.isDirectory(library)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(library)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".yaml"))
                    .filter(path -> !path.getFileName().toString().equals("reference.yaml")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Opens {@code file} in the editor, once unsaved changes are saved or dropped; a file that cannot
     * be read leaves a message instead.
     */
    void open(Path file) {
        if (!changesSettled()) {
            return;
        }
        try {
            document.open(file);
            recent.opened(file);
            info("Opened " + file);
        } catch (IOException e) {
            recent.forget(file);
            error(Messages.file("open", file, e));
        }
    }

    private void openChosen() {
        dialogs.openScenario(document.file().map(Path::getParent).or(() -> Optional.of(library)))
                .ifPresent(this::open);
    }

    /** Closes the window, once unsaved changes are saved or dropped. */
    private void quit() {
        if (changesSettled()) {
            stage.close();
        }
    }

    /**
     * True when nothing unsaved would be lost: the document has no changes, or the user had them
     * saved, or chose to drop them.
     */
    private boolean changesSettled() {
        if (!document.dirty()) {
            return true;
        }
        return switch (dialogs.unsavedChanges(document.name())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** Saves to the document's file, or asks for one; true when the text was written. */
    private boolean save() {
        Optional<Path> file = document.file();
        if (file.isEmpty()) {
            return saveAs();
        }
        return save(file.get(), document::save);
    }

    private boolean saveAs() {
        Optional<Path> file = dialogs.saveScenario(document.file().map(Path::getParent), document.name());
        return file.isPresent() && save(file.get(), () -> document.saveAs(file.get()));
    }

    private boolean save(Path file, FileWrite write) {
        try {
            write.write();
            recent.opened(file);
            info("Saved " + file);
            return true;
        } catch (IOException e) {
            error(Messages.file("save", file, e));
            return false;
        }
    }

    private void documentChanged() {
        stage.setTitle(TITLE + " — " + document.name() + (document.dirty() ? " *" : ""));
        document.scenario().ifPresent(scenario -> {
            List<String> key = List.of(String.join(",", scenario.strategies().keySet()),
                    Long.toString(scenario.seed()), Integer.toString(scenario.replications()));
            if (!key.equals(adopted)) {
                adopted = key;
                runPane.show(scenario);
            }
        });
        runPane.run.setDisable(running != null || document.scenario().isEmpty());
    }

    private void run() {
        Optional<Scenario> scenario = runnable();
        if (scenario.isEmpty()) {
            return;
        }
        RunTask<ScenarioResult> task = RunTask.run(settings.apply(scenario.get()), threads());
        start(task, this::showResult, "Running " + scenario.get().name());
    }

    private void runSweep() {
        Optional<Scenario> scenario = runnable();
        if (scenario.isEmpty()) {
            return;
        }
        try {
            SweepPlan plan = SweepPlan.of(document, settings, sweep.parameters());
            start(RunTask.sweep(plan, threads()), this::showSweep,
                    "Sweeping " + String.join(" and ", plan.grid().paths()));
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
        }
    }

    /** The scenario if a run can start, else empty with a message saying why. */
    private Optional<Scenario> runnable() {
        if (running != null) {
            error("a run is under way: wait for it or cancel it");
            return Optional.empty();
        }
        if (document.scenario().isEmpty()) {
            error(document.errors().isEmpty() ? "open a scenario first"
                    : "the scenario has errors; the first: " + document.errors().get(0));
            return Optional.empty();
        }
        Optional<String> problem = settings.problem();
        if (problem.isPresent()) {
            error(problem.get());
            return Optional.empty();
        }
        return document.scenario();
    }

    private <T> void start(RunTask<T> task, Consumer<T> show, String what) {
        running = task;
        info(what + " …");
        progress.setProgress(0);
        cancel.setDisable(false);
        runPane.run.setDisable(true);
        sweep.run.setDisable(true);
        task.start(runner, (finished, total) -> Platform.runLater(() -> progress.setProgress(
                (double) finished / total))).thenAccept(outcome -> Platform.runLater(() -> finish(outcome, show)));
    }

    private <T> void finish(RunOutcome<T> outcome, Consumer<T> show) {
        running = null;
        cancel.setDisable(true);
        sweep.run.setDisable(false);
        documentChanged();
        if (outcome instanceof RunOutcome.Succeeded<T> succeeded) {
            show.accept(succeeded.result());
        } else if (outcome instanceof RunOutcome.Failed<T> failed) {
            error(failed.message());
        } else {
            progress.setProgress(0);
            info("Cancelled");
        }
    }

    private void cancelRun() {
        if (running != null) {
            running.cancel();
            info("Cancelling …");
        }
    }

    private void showResult(ScenarioResult shown) {
        try {
            result = shown;
            charts.getTabs().setAll(Charts.all(shown).stream().map(chart -> {
                Tab tab = new Tab(chart.title(), new ChartView(chart).exportWith(this::exportChart));
                tab.setClosable(false);
                return tab;
            }).toList());
            sideBySide.getChildren().setAll(SmallMultiples.of(shown).stream().map(chart -> {
                ChartView view = new ChartView(chart).exportWith(this::exportChart);
                view.setPrefSize(385, 320);
                return view;
            }).toList());
            summary.show(ReportTables.of(shown, baseline()));
            results.getSelectionModel().select(0);
            info("Ran " + shown.scenario().name() + ": " + shown.strategies().size() + " strategies, "
                    + shown.replications() + (shown.replications() == 1 ? " replication" : " replications"));
        } catch (RuntimeException e) {
            error(Messages.readable("cannot chart the result", e));
        }
    }

    private void showSweep(SweepResults shown) {
        sweep.show(shown);
        results.getSelectionModel().select(sweepTab);
        info("Swept " + String.join(" and ", shown.parameters()) + " over " + shown.results().size()
                + (shown.parameters().size() == 1 ? " values" : " points"));
    }

    private String baseline() {
        return result.strategyNames().get(0);
    }

    /** The chart in view: the sweep's on the sweep tab, else the selected chart tab's. */
    Optional<NamedChart> currentChart() {
        if (results.getSelectionModel().getSelectedItem() == sweepTab) {
            return sweep.chart();
        }
        Tab tab = charts.getSelectionModel().getSelectedItem();
        return tab == null ? Optional.empty() : Optional.of(((ChartView) tab.getContent()).chart());
    }

    private void exportChart() {
        currentChart().ifPresentOrElse(this::exportChart,
                () -> error("nothing to export yet: run the scenario first"));
    }

    private void exportChart(NamedChart chart) {
        dialogs.exportFile(exports.lastFolder(), ChartExports.fileName(chart, ChartFormat.PNG),
                ChartFormat.values()).ifPresent(file -> {
                    Path target = ChartExports.formatOf(file).isPresent() ? file
                            : file.resolveSibling(file.getFileName() + ".png");
                    export(target, () -> exports.chart(chart, ChartExports.formatOf(target).orElseThrow(), target));
                });
    }

    private void exportAll() {
        if (result == null) {
            error("nothing to export yet: run the scenario first");
            return;
        }
        dialogs.exportFormat().ifPresent(format -> dialogs.exportFolder(exports.lastFolder()).ifPresent(folder ->
                export(folder, () -> exports.all(Charts.all(result), format, folder))));
    }

    private void exportReport() {
        if (result == null) {
            error("nothing to export yet: run the scenario first");
            return;
        }
        dialogs.exportFile(exports.lastFolder(), ChartExports.REPORT, ChartFormat.PDF).ifPresent(file ->
                export(file, () -> exports.report(result, Charts.all(result), baseline(), file)));
    }

    /** A file write that may fail. */
    private interface FileWrite {
        void write() throws IOException;
    }

    private void export(Path target, FileWrite export) {
        try {
            export.write();
            info("Exported " + target);
        } catch (IOException e) {
            error(Messages.file("write", target, e));
        } catch (RuntimeException e) {
            error(Messages.readable("cannot export " + target, e));
        }
    }

    private void info(String text) {
        message.setStyle("");
        message.setText(text);
    }

    private void error(String text) {
        message.setStyle(ERROR_STYLE);
        message.setText(text);
    }

    private static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
