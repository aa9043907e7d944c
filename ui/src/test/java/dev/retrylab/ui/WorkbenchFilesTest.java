package dev.retrylab.ui;

import static dev.retrylab.ui.Screen.shown;
import static dev.retrylab.ui.Screen.waitForCharts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.chart.ChartFormat;
import dev.retrylab.ui.FileDialogs.UnsavedChanges;
import dev.retrylab.ui.model.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench's file flows through its window: drop a file, reopen a recent one, save and save
 * as, the question before unsaved changes would be lost (on opening another file and on quitting),
 * and exporting every chart. Dialogs are answered by {@link Answers}.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchFilesTest {

    private static final Path LIBRARY = Path.of("..", "scenarios");

    @TempDir
    Path folder;

    private final Answers answers = new Answers();
    private Workbench workbench;
    private Stage stage;
    private Path first;
    private Path second;

    @Start
    void start(Stage stage) {
        // the tests close the window; the toolkit must outlive it
        Platform.setImplicitExit(false);
        this.stage = stage;
        workbench = new Workbench(stage, Settings.inMemory(), LIBRARY, answers);
        stage.setScene(new Scene(workbench.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void closeWorkbench(FxRobot robot) {
        robot.interact(workbench::close);
    }

    @BeforeEach
    void copyScenarios() throws IOException {
        first = Files.copy(LIBRARY.resolve("mm1.yaml"), folder.resolve("first.yaml"));
        second = Files.copy(LIBRARY.resolve("thundering-herd.yaml"), folder.resolve("second.yaml"));
    }

    @Test
    void drop_aScenarioAmongOtherFiles_opensTheScenario(FxRobot robot) throws IOException {
        Path picture = Files.write(folder.resolve("chart.png"), new byte[] {1, 2, 3});

        robot.interact(() -> workbench.openDropped(List.of(picture.toFile(), second.toFile())));

        assertThat(editorText(robot)).isEqualTo(Files.readString(second));
    }

    @Test
    void drop_noScenarioFile_refusedWithAMessage(FxRobot robot) throws IOException {
        Path picture = Files.write(folder.resolve("chart.png"), new byte[] {1, 2, 3});

        robot.interact(() -> workbench.openDropped(List.of(picture.toFile())));

        assertThat(message(robot)).isEqualTo("only a scenario file (.yaml or .yml) can be opened; dropped: chart.png");
        assertThat(editorText(robot)).isEmpty();
    }

    @Test
    void recentMenu_afterOpeningTwoFiles_reopensTheFirst(FxRobot robot) throws Exception {
        openWithShortcut(robot, first);
        openWithShortcut(robot, second);

        robot.clickOn("File");
        robot.clickOn(shown(robot, "Open recent"));
        robot.clickOn(shown(robot, first.toString()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(editorText(robot)).isEqualTo(Files.readString(first));
        assertThat(stage.getTitle()).endsWith("first.yaml");
    }

    @Test
    void saveShortcut_editedFile_writesTheEditInPlaceAndClearsTheMark(FxRobot robot) throws IOException {
        openWithShortcut(robot, first);
        typeAtTheEnd(robot, "# edited");
        assertThat(stage.getTitle()).endsWith("first.yaml *");

        robot.push(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Files.readString(first)).endsWith("# edited");
        assertThat(stage.getTitle()).endsWith("first.yaml");
    }

    @Test
    void saveAsShortcut_editedFile_writesTheNewFileAndLeavesTheOldOne(FxRobot robot) throws IOException {
        openWithShortcut(robot, first);
        String original = Files.readString(first);
        typeAtTheEnd(robot, "# copy");
        Path copy = folder.resolve("copy.yaml");
        answers.saveFile = copy;

        robot.push(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Files.readString(copy)).isEqualTo(original + "# copy");
        assertThat(Files.readString(first)).isEqualTo(original);
        assertThat(stage.getTitle()).endsWith("copy.yaml");
    }

    @Test
    void openAnother_unsavedChangesAndCancel_keepsTheEditedText(FxRobot robot) throws IOException {
        openWithShortcut(robot, first);
        typeAtTheEnd(robot, "# kept");
        answers.unsaved = UnsavedChanges.CANCEL;

        openWithShortcut(robot, second);

        assertThat(answers.unsavedAsked).isEqualTo(1);
        assertThat(editorText(robot)).endsWith("# kept");
        assertThat(stage.getTitle()).endsWith("first.yaml *");
    }

    @Test
    void openAnother_unsavedChangesAndDiscard_opensWithoutSaving(FxRobot robot) throws IOException {
        openWithShortcut(robot, first);
        String original = Files.readString(first);
        typeAtTheEnd(robot, "# dropped");
        answers.unsaved = UnsavedChanges.DISCARD;

        openWithShortcut(robot, second);

        assertThat(editorText(robot)).isEqualTo(Files.readString(second));
        assertThat(Files.readString(first)).isEqualTo(original);
    }

    @Test
    void openAnother_unsavedChangesAndSave_savesThenOpens(FxRobot robot) throws IOException {
        openWithShortcut(robot, first);
        typeAtTheEnd(robot, "# saved");
        answers.unsaved = UnsavedChanges.SAVE;

        openWithShortcut(robot, second);

        assertThat(Files.readString(first)).endsWith("# saved");
        assertThat(editorText(robot)).isEqualTo(Files.readString(second));
    }

    @Test
    void openAnother_newScenarioAndSaveDeclined_staysOpen(FxRobot robot) throws IOException {
        typeAtTheEnd(robot, "name: sketch");
        answers.unsaved = UnsavedChanges.SAVE;
        answers.saveFile = null;

        openWithShortcut(robot, second);

        assertThat(editorText(robot)).isEqualTo("name: sketch");
    }

    @Test
    void quitShortcut_unsavedChanges_cancelKeepsTheWindowAndDiscardClosesIt(FxRobot robot) throws IOException {
        openWithShortcut(robot, first);
        typeAtTheEnd(robot, "# unsaved");

        answers.unsaved = UnsavedChanges.CANCEL;
        robot.push(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();

        answers.unsaved = UnsavedChanges.DISCARD;
        robot.push(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();
        assertThat(answers.unsavedAsked).isEqualTo(2);
    }

    @Test
    void closeRequest_unsavedChanges_cancelConsumesItAndDiscardLetsItThrough(FxRobot robot) {
        openWithShortcut(robot, first);
        typeAtTheEnd(robot, "# unsaved");

        answers.unsaved = UnsavedChanges.CANCEL;
        WindowEvent kept = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
        robot.interact(() -> stage.getOnCloseRequest().handle(kept));
        answers.unsaved = UnsavedChanges.DISCARD;
        WindowEvent closed = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
        robot.interact(() -> stage.getOnCloseRequest().handle(closed));

        assertThat(kept.isConsumed()).isTrue();
        assertThat(closed.isConsumed()).isFalse();
        assertThat(answers.unsavedAsked).isEqualTo(2);
    }

    @Test
    void openAnother_unsavedChangesAndTheSaveFails_staysWithTheMessage(FxRobot robot) {
        typeAtTheEnd(robot, "name: sketch");
        answers.unsaved = UnsavedChanges.SAVE;
        Path nowhere = folder.resolve("no-such-folder").resolve("sketch.yaml");
        answers.saveFile = nowhere;

        openWithShortcut(robot, second);

        assertThat(editorText(robot)).isEqualTo("name: sketch");
        assertThat(message(robot)).isEqualTo("cannot save " + nowhere + ": no such file or folder");
        assertThat(stage.getTitle()).endsWith("untitled.yaml *");
    }

    @Test
    void exportEveryChartShortcut_afterARun_writesEachChartAsSvg(FxRobot robot) throws Exception {
        openWithShortcut(robot, first);
        robot.clickOn("#run");
        waitForCharts(robot);
        TabPane charts = robot.lookup("#charts").queryAs(TabPane.class);
        Path exported = Files.createDirectory(folder.resolve("charts"));
        answers.exportFormat = ChartFormat.SVG;
        answers.exportFolder = exported;

        robot.push(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();

        List<Path> files;
        try (Stream<Path> listed = Files.list(exported)) {
            files = listed.sorted().toList();
        }
        assertThat(files).hasSize(charts.getTabs().size()).allSatisfy(file -> {
            assertThat(file.getFileName().toString()).endsWith(".svg");
            assertThat(Files.readString(file)).contains("<svg");
        });
        assertThat(message(robot)).isEqualTo("Exported " + exported);
    }

    @Test
    void escape_duringALongRun_cancelsItAndTheRunButtonComesBack(FxRobot robot) throws Exception {
        // the M/M/1 scenario for a million seconds: hours of running unless it is cancelled
        Path endless = Files.writeString(folder.resolve("endless.yaml"), Files.readString(first)
                .replace("duration: 600s", "duration: 1000000s").replace("interval: 1s", "interval: 1000s"));
        openWithShortcut(robot, endless);
        assertThat(editorText(robot)).contains("duration: 1000000s");

        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message(robot)).startsWith("Running mm1");
        robot.push(KeyCode.ESCAPE);

        // the bound only guards against a hang: a cancelled run stops within milliseconds
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> message(robot).equals("Cancelled"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#run").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#cancel").queryButton().isDisabled()).isTrue();
    }

    private void openWithShortcut(FxRobot robot, Path file) {
        answers.openFile = file;
        robot.push(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void typeAtTheEnd(FxRobot robot, String text) {
        CodeArea editor = robot.lookup("#editor").queryAs(CodeArea.class);
        robot.interact(() -> editor.appendText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String editorText(FxRobot robot) {
        return robot.lookup("#editor").queryAs(CodeArea.class).getText();
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#message").queryAs(Label.class).getText();
    }
}
