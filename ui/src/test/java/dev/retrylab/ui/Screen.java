package dev.retrylab.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Waits the workbench's tests share: for a menu item to show, for a run's charts to appear. */
final class Screen {

    private Screen() {
    }

    /** The node showing {@code text} in a window on screen, once a menu has opened. */
    static Node shown(FxRobot robot, String text) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(text).match(Screen::onScreen)
                .tryQuery().isPresent());
        return robot.lookup(text).match(Screen::onScreen).query();
    }

    private static boolean onScreen(Node node) {
        return node.getScene() != null && node.getScene().getWindow() != null
                && node.getScene().getWindow().isShowing() && node.isVisible();
    }

    /** Waits until a run has put its charts in the charts tabs. */
    static void waitForCharts(FxRobot robot) throws TimeoutException {
        TabPane charts = robot.lookup("#charts").queryAs(TabPane.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !charts.getTabs().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
