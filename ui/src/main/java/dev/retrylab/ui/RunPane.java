package dev.retrylab.ui;

import dev.retrylab.model.Scenario;
import dev.retrylab.ui.model.RunSettings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The run settings: a check box per strategy, the replications and the seed, and the run button. */
final class RunPane extends VBox {

    private final RunSettings settings;
    private final FlowPane strategies = new FlowPane(8, 4);
    private final Spinner<Integer> replications = new Spinner<>(1, Scenario.MAX_REPLICATIONS, 1);
    private final TextField seed = new TextField();
    final Button run = new Button("Run");

    RunPane(RunSettings settings) {
        super(6);
        this.settings = settings;
        setPadding(new Insets(6));
        replications.setId("replications");
        replications.setEditable(true);
        replications.setPrefWidth(90);
        replications.getEditor().setTextFormatter(new TextFormatter<>(change ->
                change.getControlNewText().matches("\\d{0,4}") ? change : null));
        replications.valueProperty().addListener((property, before, after) -> {
            if (after != null) {
                settings.replications(after);
            }
        });
        seed.setId("seed");
        seed.setPrefColumnCount(10);
        seed.setTextFormatter(new TextFormatter<>(change -> change.getControlNewText().matches("-?\\d{0,18}")
                ? change : null));
        seed.textProperty().addListener((property, before, after) -> {
            if (after.matches("-?\\d+")) {
                settings.seed(Long.parseLong(after));
            }
        });
        run.setId("run");
        run.setDefaultButton(true);
        getChildren().addAll(new Label("Strategies"), strategies,
                new HBox(8, new Label("Replications"), replications, new Label("Seed"), seed, run));
    }

    /** Shows the settings taken from a newly valid scenario. */
    void show(Scenario scenario) {
        settings.adopt(scenario);
        strategies.getChildren().clear();
        for (String name : settings.strategies()) {
            CheckBox box = new CheckBox(name);
            box.setId("strategy-" + name);
            box.setSelected(settings.isChosen(name));
            box.selectedProperty().addListener((property, before, after) -> settings.choose(name, after));
            strategies.getChildren().add(box);
        }
        replications.getValueFactory().setValue(settings.replications());
        seed.setText(Long.toString(settings.seed()));
    }
}
