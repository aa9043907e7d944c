package dev.retrylab.ui;

import dev.retrylab.scenario.ScenarioError;
import dev.retrylab.ui.model.ScenarioDocument;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The scenario's text, editable, with its errors under it: each names its line and column, the
 * editor's gutter line says which lines are wrong, and choosing an error selects its line in the
 * text. Every keystroke re-validates the {@link ScenarioDocument}.
 */
final class EditorPane extends BorderPane {

    private final ScenarioDocument document;
    private final TextArea text = new TextArea();
    private final Label status = new Label();
    private final ListView<ScenarioError> errors = new ListView<>();
    private boolean updating;

    EditorPane(ScenarioDocument document) {
        this.document = document;
        text.setId("editor");
        text.setStyle("-fx-font-family: monospace;");
        text.textProperty().addListener((property, before, after) -> {
            if (!updating) {
                document.edit(after);
            }
        });
        errors.setId("errors");
        errors.setPrefHeight(110);
        errors.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ScenarioError error, boolean empty) {
                super.updateItem(error, empty);
                setText(empty || error == null ? null : describe(error));
                setStyle(empty ? "" : "-fx-text-fill: #b00020;");
            }
        });
        errors.getSelectionModel().selectedItemProperty().addListener((property, before, error) -> {
            if (error != null && error.line() > 0) {
                selectLine(error.line());
            }
        });
        status.setId("validation");
        document.addListener(this::refresh);
        setCenter(text);
        setBottom(new VBox(4, status, errors));
        refresh();
    }

    /** {@code line 7, column 14: services.api.workers: ...}, the place first, as an editor would show it. */
    static String describe(ScenarioError error) {
        StringBuilder place = new StringBuilder();
        if (error.line() > 0) {
            place.append("line ").append(error.line());
            if (error.column() > 0) {
                place.append(", column ").append(error.column());
            }
            place.append(": ");
        }
        if (!error.path().isEmpty()) {
            place.append(error.path()).append(": ");
        }
        return place.append(error.message()).toString();
    }

    private void refresh() {
        if (!text.getText().equals(document.text())) {
            updating = true;
            text.setText(document.text());
            updating = false;
        }
        errors.getItems().setAll(document.errors());
        if (document.errors().isEmpty()) {
            status.setText("Valid scenario");
            status.setStyle("-fx-text-fill: #1b5e20;");
        } else {
            status.setText(document.errors().size() + (document.errors().size() == 1 ? " error" : " errors")
                    + (document.errorLines().isEmpty() ? "" : " at line " + joinLines()));
            status.setStyle("-fx-text-fill: #b00020;");
        }
    }

    private String joinLines() {
        return String.join(", ", document.errorLines().stream().map(String::valueOf).toList());
    }

    /** Selects line {@code line} (1-based) of the text. */
    void selectLine(int line) {
        String all = text.getText();
        int start = 0;
        for (int i = 1; i < line && start >= 0; i++) {
            start = all.indexOf('\n', start) + 1;
            if (start == 0) {
                return;
            }
        }
        int end = all.indexOf('\n', start);
        text.requestFocus();
        text.selectRange(start, end < 0 ? all.length() : end);
    }
}
