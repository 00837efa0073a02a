package latentlab.ui.embeddings;

import java.util.List;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import latentlab.embed.Similarity;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.ImageRow;

/** The neighbours tool: the measure, the query, and its nearest images in the three spaces. */
final class NeighboursPane extends VBox {
    private static final int THUMB = 56;
    private static final int QUERY = 84;

    NeighboursPane(NeighboursViewModel vm, Appearance look) {
        super(8);
        ToggleGroup group = new ToggleGroup();
        HBox measures = new HBox(4);
        measures.setAlignment(Pos.CENTER_LEFT);
        for (Similarity s : Similarity.all()) {
            ToggleButton b = new ToggleButton(s.label());
            b.setId("measure-" + s.name());
            b.setToggleGroup(group);
            b.setUserData(s);
            b.setSelected(s == vm.similarityProperty().get());
            measures.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                vm.similarityProperty().set((Similarity) b.getUserData());
            }
        });
        vm.similarityProperty().addListener((o, a, b) -> group.getToggles().forEach(t ->
                t.setSelected(t.getUserData() == b)));
        Label measureNote = ToolPanes.muted("");
        measureNote.textProperty().bind(vm.measureNoteProperty());

        ImageRow query = new ImageRow(look, QUERY);
        showQuery(query, vm.queryProperty().get());
        vm.queryProperty().addListener((o, a, b) -> showQuery(query, b));
        Label queryText = ToolPanes.muted("");
        queryText.textProperty().bind(vm.queryTextProperty());
        HBox q = new HBox(12, query, queryText);
        q.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(ToolPanes.section("Measure"), measures, measureNote, ToolPanes.section("Query"), q);
        space(vm.codeRowProperty(), "neighbours-codes", look);
        space(vm.pcaRowProperty(), "neighbours-pca", look);
        space(vm.pixelRowProperty(), "neighbours-pixels", look);
    }

    private static void showQuery(ImageRow query, ImageRow.Item item) {
        query.show(item == null ? List.of() : List.of(item));
        query.setVisible(item != null);
        query.setManaged(item != null);
    }

    /** A heading and a row of images for one space's answer. */
    private void space(ObservableValue<NeighboursViewModel.Row> answer, String id, Appearance look) {
        ImageRow row = new ImageRow(look, THUMB);
        row.setId(id);
        Label title = ToolPanes.section(answer.map(NeighboursViewModel.Row::title));
        title.setWrapText(true);
        ToolPanes.follow(row, answer.map(NeighboursViewModel.Row::tiles));
        getChildren().addAll(title, row);
    }
}
