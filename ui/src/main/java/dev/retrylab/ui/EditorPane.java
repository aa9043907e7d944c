package dev.retrylab.ui;

import dev.retrylab.scenario.ScenarioError;
import dev.retrylab.ui.model.ScenarioDocument;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The scenario's text, editable, with its errors marked where they are: a wrong line has a marker
 * in the gutter beside its number (its tooltip says what is wrong) and a tinted background, and
 * the errors are listed under the text, each with its line and column; choosing one selects its
 * line. Every keystroke re-validates the {@link ScenarioDocument}.
 */
final class EditorPane extends BorderPane {

    /** The style class of a line that has an error. */
    static final String ERROR_LINE = "error-line";
    /** The style class of a gutter marker. */
    static final String ERROR_MARKER = "error-marker";

    /** Wide enough for four digits: a scenario file is a few hundred lines. */
    private static final double LINE_NUMBER_WIDTH = 40;
    private static final List<String> PLAIN = List.of();
    private static final List<String> WRONG = List.of(ERROR_LINE);

    private final ScenarioDocument document;
    private final CodeArea text = new CodeArea();
    private final Label status = new Label();
    private final ListView<ScenarioError> errors = new ListView<>();
    private Map<Integer, String> problemsByLine = Map.of();
    private boolean updating;

    EditorPane(ScenarioDocument document) {
        this.document = document;
        getStylesheets().add(EditorPane.class.getResource("workbench.css").toExternalForm());
        text.setId("editor");
        text.textProperty().addListener((property, before, after) -> {
            if (!updating) {
                document.edit(after);
            }
        });
        errors.setId("errors");
        errors.setPrefHeight(110);
        errors.setCellFactory(list -> new ListCell<>() {
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
        text.setParagraphGraphicFactory(this::gutter);
        setCenter(new VirtualizedScrollPane<>(text));
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
            replaceTextFromDocument();
        }
        errors.getItems().setAll(document.errors());
        Map<Integer, String> problems = problemsByLine();
        if (!problems.equals(problemsByLine)) {
            problemsByLine = problems;
            // a new factory redraws the gutter of every visible line
            text.setParagraphGraphicFactory(this::gutter);
        }
        markErrorLines();
        if (document.errors().isEmpty()) {
            status.setText("Valid scenario");
            status.setStyle("-fx-text-fill: #1b5e20;");
        } else {
            status.setText(document.errors().size() + (document.errors().size() == 1 ? " error" : " errors")
                    + (problems.isEmpty() ? "" : " at line " + joinLines(problems.keySet())));
            status.setStyle("-fx-text-fill: #b00020;");
        }
    }

    /** A file was opened or a new one begun: its text, the caret at the top and no undo back into the old one. */
    private void replaceTextFromDocument() {
        updating = true;
        try {
            text.replaceText(document.text());
        } finally {
            updating = false;
        }
        text.getUndoManager().forgetHistory();
        text.moveTo(0);
        text.showParagraphAtTop(0);
    }

    /** Per 1-based line with errors, their descriptions, one per line of text. */
    private Map<Integer, String> problemsByLine() {
        Map<Integer, String> problems = new TreeMap<>();
        document.errorsByLine().forEach((line, errors) -> problems.put(line,
                errors.stream().map(EditorPane::describe).collect(Collectors.joining("\n"))));
        return problems;
    }

    private void markErrorLines() {
        for (int paragraph = 0; paragraph < text.getParagraphs().size(); paragraph++) {
            List<String> wanted = problemsByLine.containsKey(paragraph + 1) ? WRONG : PLAIN;
            Collection<String> shown = text.getParagraph(paragraph).getParagraphStyle();
            if (!shown.equals(wanted)) {
                text.setParagraphStyle(paragraph, wanted);
            }
        }
    }

    /** The gutter of paragraph {@code paragraph}: an error marker when its line is wrong, then its number. */
    private Node gutter(int paragraph) {
        Label marker = new Label();
        marker.setMinWidth(14);
        marker.setAlignment(Pos.CENTER);
        String problems = problemsByLine.get(paragraph + 1);
        if (problems != null) {
            marker.setText("●");
            marker.getStyleClass().add(ERROR_MARKER);
            marker.setTooltip(new Tooltip(problems));
        }
        Label number = new Label(Integer.toString(paragraph + 1));
        number.getStyleClass().add("line-number");
        number.setMinWidth(LINE_NUMBER_WIDTH);
        number.setAlignment(Pos.CENTER_RIGHT);
        HBox gutter = new HBox(marker, number);
        gutter.getStyleClass().add("gutter");
        return gutter;
    }

    private static String joinLines(Collection<Integer> lines) {
        return lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Selects line {@code line} (1-based) of the text and scrolls it into view. */
    void selectLine(int line) {
        if (line < 1 || line > text.getParagraphs().size()) {
            return;
        }
        int paragraph = line - 1;
        text.requestFocus();
        text.selectRange(paragraph, 0, paragraph, text.getParagraphLength(paragraph));
        text.showParagraphAtCenter(paragraph);
    }
}
