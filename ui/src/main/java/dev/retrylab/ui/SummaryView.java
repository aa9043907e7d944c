package dev.retrylab.ui;

import dev.retrylab.chart.ReportTable;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/** The summary tables of a run, with their 95% intervals and the verdicts against the baseline. */
final class SummaryView extends ScrollPane {

    private final VBox tables = new VBox(10);

    SummaryView() {
        tables.setPadding(new Insets(10));
        setContent(tables);
        setFitToWidth(true);
    }

    void show(List<ReportTable> reportTables) {
        tables.getChildren().clear();
        for (ReportTable table : reportTables) {
            Label title = new Label(table.title());
            title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
            Label note = new Label(table.note());
            note.setWrapText(true);
            tables.getChildren().addAll(title, note, view(table));
        }
    }

    private static TableView<List<String>> view(ReportTable table) {
        TableView<List<String>> view = new TableView<>();
        view.getStyleClass().add("summary-table");
        for (int c = 0; c < table.header().size(); c++) {
            int column = c;
            TableColumn<List<String>, String> tableColumn = new TableColumn<>(table.header().get(c));
            tableColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(column)));
            tableColumn.setSortable(false);
            if (c > 0) {
                tableColumn.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            view.getColumns().add(tableColumn);
        }
        view.getItems().setAll(table.rows());
        view.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        view.setFixedCellSize(26);
        view.setPrefHeight(26 * (table.rows().size() + 1) + 8);
        return view;
    }
}
