package dev.retrylab.ui;

import javafx.application.Application;

/**
 * Starts the workbench window. Not a subclass of {@link Application}, so that JavaFX starts from
 * the class path; the optional argument is a scenario file to open.
 */
public final class WorkbenchMain {

    private WorkbenchMain() {
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
