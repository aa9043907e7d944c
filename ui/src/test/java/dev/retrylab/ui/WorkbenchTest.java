package dev.retrylab.ui;

import static dev.retrylab.ui.Screen.shown;
import static dev.retrylab.ui.Screen.waitForCharts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.chart.ChartFormat;
import dev.retrylab.chart.NamedChart;
import dev.retrylab.metrics.SummaryMetric;
import dev.retrylab.scenario.ScenarioError;
import dev.retrylab.ui.model.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench's main flows, driven through its window on Monocle's headless platform: open a
 * bundled scenario from the menu, run it, see the charts, export a chart and the report with the
 * keyboard shortcuts, see a broken file's errors, and sweep two keys into heatmaps. File choosers
 * are answered by {@link Answers}.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchTest {

    /** The bundled scenarios, seen from the module's folder where the tests run. */
    private static final Path LIBRARY = Path.of("..", "scenarios");
    /** A small bundled scenario: two strategies, 60 s, one run each in about a second. */
    private static final String BUNDLED = "thundering-herd.yaml";

    @TempDir
    static Path folder;

    private final Answers answers = new Answers();
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(stage, Settings.inMemory(), LIBRARY, answers);
        stage.setScene(new Scene(workbench.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void closeWorkbench(FxRobot robot) {
        robot.interact(workbench::close);
    }

    @Test
    void libraryMenu_openThenRun_chartsAndSummaryAppear(FxRobot robot) throws TimeoutException {
        openFromTheLibrary(robot);

        robot.clickOn("#run");
        waitForCharts(robot);

        TabPane charts = robot.lookup("#charts").queryAs(TabPane.class);
        assertThat(charts.getTabs()).extracting(Tab::getText).startsWith("load over time", "amplification over time");
        assertThat(robot.lookup(".summary-table").queryAll()).isNotEmpty();
        assertThat(robot.lookup("#message").queryAs(Label.class).getText()).startsWith("Ran thundering-herd");
    }

    @Test
    void chart_mouseOverThePlot_crosshairReadsTimeAndValue(FxRobot robot) throws TimeoutException {
        openFromTheLibrary(robot);
        robot.clickOn("#run");
        waitForCharts(robot);
        ChartView view = (ChartView) robot.lookup("#charts").queryAs(TabPane.class).getTabs().get(0).getContent();

        robot.moveTo(view).moveBy(0, -view.getHeight() / 4);

        assertThat(view.reading()).startsWith("time (s) ").contains("(/s)");
    }

    @Test
    void chart_dragThenDoubleClick_zoomsInThenRestoresTheTimeAxis(FxRobot robot) throws TimeoutException {
        openFromTheLibrary(robot);
        robot.clickOn("#run");
        waitForCharts(robot);
        ChartView view = (ChartView) robot.lookup("#charts").queryAs(TabPane.class).getTabs().get(0).getContent();
        ValueAxis time = view.chart().chart().getXYPlot().getDomainAxis();
        double fullLength = time.getRange().getLength();

        robot.moveTo(view).moveBy(-100, -50).drag(MouseButton.PRIMARY).moveBy(150, 80).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomedLength = time.getRange().getLength();
        robot.doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(zoomedLength).isLessThan(fullLength / 2);
        assertThat(time.getRange().getLength()).isEqualTo(fullLength);
    }

    @Test
    void shortcuts_exportChartAndReport_writeAPngAndAPdf(FxRobot robot) throws Exception {
        openFromTheLibrary(robot);
        robot.clickOn("#run");
        waitForCharts(robot);
        Path png = folder.resolve("chart.png");
        Path pdf = folder.resolve("the-report.pdf");

        answers.exportFile = png;
        robot.push(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        answers.exportFile = pdf;
        robot.push(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(answers.suggested).isEqualTo(ChartFormat.PDF);
    }

    @Test
    void sideBySide_contextMenuExport_writesThatStrategysChart(FxRobot robot) throws Exception {
        openFromTheLibrary(robot);
        robot.clickOn("#run");
        waitForCharts(robot);
        robot.clickOn("Side by side");
        ChartView second = (ChartView) robot.lookup("#sideBySide").queryAs(TilePane.class).getChildren().get(1);
        Path png = folder.resolve("second-strategy.png");
        answers.exportFile = png;

        // Monocle turns no click into a context-menu request: ask as the platform would
        ChartViewer viewer = robot.from(second).lookup((Node node) -> node instanceof ChartViewer).query();
        Bounds screen = viewer.localToScreen(viewer.getBoundsInLocal());
        robot.interact(() -> Event.fireEvent(viewer, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                screen.getWidth() / 2, screen.getHeight() / 2, screen.getCenterX(), screen.getCenterY(), false,
                null)));
        robot.clickOn(shown(robot, "Export this chart…"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(answers.suggestedName).isEqualTo(second.chart().name() + ".png").contains("full");
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void openShortcut_brokenFile_errorListedAndMarkedAtItsLineAndRunRefused(FxRobot robot) throws IOException {
        Path broken = Files.writeString(folder.resolve("broken.yaml"),
                Files.readString(LIBRARY.resolve(BUNDLED)).replaceFirst("workers: \\d+", "workers: lots"));
        answers.openFile = broken;

        robot.push(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();

        ListView<?> errors = robot.lookup("#errors").queryAs(ListView.class);
        assertThat(errors.getItems()).hasSize(1);
        ScenarioError error = (ScenarioError) errors.getItems().get(0);
        assertThat(error.path()).endsWith("workers");
        assertThat(robot.lookup("#validation").queryAs(Label.class).getText())
                .isEqualTo("1 error at line " + error.line());
        assertThat(markedLines(robot)).containsExactly(error.line());
        Label marker = robot.lookup("." + EditorPane.ERROR_MARKER).queryAs(Label.class);
        assertThat(marker.getTooltip().getText()).isEqualTo(EditorPane.describe(error));
        assertThat(robot.lookup("#run").queryButton().isDisabled()).isTrue();
    }

    @Test
    void editor_linesAddedAboveAMistake_theMarkMovesWithIt(FxRobot robot) throws IOException {
        answers.openFile = Files.writeString(folder.resolve("moving.yaml"),
                Files.readString(LIBRARY.resolve(BUNDLED)).replaceFirst("workers: \\d+", "workers: lots"));
        robot.push(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();
        int wrong = markedLines(robot).get(0);
        CodeArea editor = robot.lookup("#editor").queryAs(CodeArea.class);

        robot.interact(() -> editor.insertText(0, "# one\n# two\n"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(markedLines(robot)).containsExactly(wrong + 2);
    }

    @Test
    void editor_typingAMistake_errorAppearsAtItsLineThenGoesWhenFixed(FxRobot robot) throws TimeoutException {
        openFromTheLibrary(robot);
        CodeArea editor = robot.lookup("#editor").queryAs(CodeArea.class);
        ListView<?> errors = robot.lookup("#errors").queryAs(ListView.class);
        int durationAt = editor.getText().indexOf("duration: ") + "duration: ".length();
        int durationLine = (int) editor.getText().substring(0, durationAt).chars().filter(c -> c == '\n').count() + 1;
        robot.clickOn(editor);
        robot.interact(() -> editor.moveTo(durationAt));

        robot.type(KeyCode.X);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors.getItems()).hasSize(1);
        assertThat(markedLines(robot)).containsExactly(durationLine);

        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors.getItems()).isEmpty();
        assertThat(markedLines(robot)).isEmpty();
        assertThat(robot.lookup("." + EditorPane.ERROR_MARKER).queryAll()).isEmpty();
    }

    /** The 1-based lines the editor shows as wrong. */
    private static List<Integer> markedLines(FxRobot robot) {
        CodeArea editor = robot.lookup("#editor").queryAs(CodeArea.class);
        return IntStream.range(0, editor.getParagraphs().size())
                .filter(paragraph -> editor.getParagraph(paragraph).getParagraphStyle().contains(EditorPane.ERROR_LINE))
                .mapToObj(paragraph -> paragraph + 1).toList();
    }

    @Test
    void sweep_twoParameters_heatmapOfTheChosenStrategyAndMetricShownAndExported(FxRobot robot) throws Exception {
        openSmallSweep(robot);
        setSweepKeys(robot, "clients.agents.count=10,20", "services.api.workers=1,2");

        robot.clickOn("#runSweep");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.currentChart().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        ComboBox<String> strategies = robot.lookup("#sweepStrategy").queryComboBox();
        assertThat(strategies.isVisible()).isTrue();
        assertThat(strategies.getItems()).containsExactly("no-retry", "retries");
        NamedChart first = workbench.currentChart().orElseThrow();
        assertThat(first.name()).isEqualTo("sweep-successRate-no-retry");
        assertThat(first.chart().getXYPlot().getRenderer()).isInstanceOf(XYBlockRenderer.class);
        assertThat(robot.lookup("#message").queryAs(Label.class).getText())
                .isEqualTo("Swept clients.agents.count and services.api.workers over 4 points");

        robot.interact(() -> strategies.getSelectionModel().select(1));
        robot.interact(() -> robot.lookup("#sweepMetric").queryComboBox().getSelectionModel()
                .select(SummaryMetric.AMPLIFICATION));
        assertThat(workbench.currentChart().orElseThrow().name()).isEqualTo("sweep-amplification-retries");

        Path png = folder.resolve("heatmap.png");
        answers.exportFile = png;
        robot.push(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void sweep_oneParameter_lineChartAndNoStrategyChooser(FxRobot robot) throws Exception {
        openSmallSweep(robot);
        setSweepKeys(robot, "clients.agents.count=10,20,30", "");

        robot.clickOn("#runSweep");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.currentChart().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        NamedChart line = workbench.currentChart().orElseThrow();
        assertThat(line.name()).isEqualTo("sweep-successRate");
        assertThat(line.chart().getXYPlot().getRenderer()).isInstanceOf(XYErrorRenderer.class);
        assertThat(robot.lookup("#sweepStrategy").queryComboBox().isVisible()).isFalse();
        assertThat(robot.lookup("#message").queryAs(Label.class).getText())
                .isEqualTo("Swept clients.agents.count over 3 values");
    }

    @Test
    void sweep_badSecondParameter_itsMessageInTheStatusLineAndNothingRuns(FxRobot robot) throws Exception {
        openSmallSweep(robot);
        Label message = robot.lookup("#message").queryAs(Label.class);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("services.api.workers", "--param services.api.workers: expected PATH=VALUES, for example ");
        expected.put("services.api.workers=3..1",
                "--param services.api.workers=3..1: the range 3..1 is empty: its end is below its start");
        expected.put("clients.agents.count=5", "--param clients.agents.count is given twice");
        expected.put("services.api.wrkers=1,2", "small-sweep.yaml:");
        expected.put("services.api.workers=1,-2", "small-sweep.yaml:");

        for (Map.Entry<String, String> bad : expected.entrySet()) {
            setSweepKeys(robot, "clients.agents.count=10,20", bad.getKey());
            robot.clickOn("#runSweep");
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(message.getText()).as(bad.getKey()).startsWith(bad.getValue()).doesNotContain("\n");
            assertThat(robot.lookup("#cancel").queryButton().isDisabled()).as("no run started").isTrue();
        }
        assertThat(message.getText()).endsWith("(set by --param services.api.workers=-2)");
        assertThat(workbench.currentChart()).isEmpty();
    }

    /** Opens a scenario of two strategies small enough to sweep in a second, and shows the sweep tab. */
    private void openSmallSweep(FxRobot robot) throws IOException {
        answers.openFile = Files.writeString(folder.resolve("small-sweep.yaml"), String.join("\n",
                "name: small-sweep",
                "duration: 3s",
                "services:",
                "  api: {workers: 2, serviceTime: {exponential: 10ms}}",
                "clients:",
                "  agents: {count: 20, target: api, workload: {open: 100/s}, timeout: 100ms}",
                "faults:",
                "  - {type: outage, service: api, start: 1s, end: 2s}",
                "strategies:",
                "  no-retry: {maxAttempts: 1}",
                "  retries: {maxAttempts: 3, backoff: none}",
                ""));
        robot.push(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            TabPane results = robot.lookup("#results").queryAs(TabPane.class);
            results.getSelectionModel().select(results.getTabs().stream()
                    .filter(tab -> "sweepTab".equals(tab.getId())).findFirst().orElseThrow());
        });
    }

    private static void setSweepKeys(FxRobot robot, String first, String second) {
        robot.interact(() -> {
            robot.lookup("#sweepParameter").queryAs(TextField.class).setText(first);
            robot.lookup("#sweepSecondParameter").queryAs(TextField.class).setText(second);
        });
    }

    private void openFromTheLibrary(FxRobot robot) throws TimeoutException {
        robot.clickOn("Library");
        robot.clickOn(shown(robot, BUNDLED));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#editor").queryAs(CodeArea.class).getText()).contains("name: thundering-herd");
        assertThat(robot.lookup(".line-number").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("1", "2", "3");
    }
}
