package dev.retrylab.ui;

import dev.retrylab.ui.model.Settings;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one workbench window, with the scenario file given on the command line open. */
public final class WorkbenchApp extends Application {

    /** The system property that names the installation folder, set by the {@code retrylab} script. */
    static final String HOME_PROPERTY = "retrylab.home";

    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        workbench = new Workbench(stage, Settings.preferences(), libraryFolder(), new NativeFileDialogs(stage));
        stage.setScene(new Scene(workbench.root(), 1280, 800));
        stage.show();
        List<String> files = getParameters().getUnnamed();
        if (!files.isEmpty()) {
            workbench.open(Path.of(files.get(0)));
        }
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }

    /** The bundled scenarios: the installation's {@code scenarios} folder. */
    static Path libraryFolder() {
        String home = System.getProperty(HOME_PROPERTY);
        return home == null ? Path.of("scenarios") : Path.of(home, "scenarios");
    }
}
