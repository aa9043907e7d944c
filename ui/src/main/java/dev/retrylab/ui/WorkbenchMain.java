package dev.retrylab.ui;

import javafx.application.Application;

/**
 * Starts the workbench window; the optional argument is a scenario file to open. Not a subclass of
 * {@link Application}, so that it also starts with JavaFX on the class path (an IDE, the tests);
 * the {@code retrylab} launcher puts JavaFX on the module path.
 */
public final class WorkbenchMain {

    private WorkbenchMain() {
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
