package latentlab.ui.embeddings;

import java.util.List;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import latentlab.ui.common.ImageRow;

/** Small pieces the tool panes share: headings, notes, and rows of images that follow a view-model's list. */
final class ToolPanes {
    private ToolPanes() {
    }

    static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    /** A heading whose text follows {@code text}. */
    static Label section(ObservableValue<String> text) {
        Label l = section("");
        l.textProperty().bind(text);
        return l;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    /** A readout whose text follows {@code text}. */
    static Label readout(ObservableValue<String> text) {
        Label l = new Label();
        l.getStyleClass().add("readout");
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    /** Shows {@code items} in {@code row} now and whenever they change. */
    static ImageRow follow(ImageRow row, ObservableValue<List<ImageRow.Item>> items) {
        row.show(items.getValue());
        items.addListener((o, was, now) -> row.show(now));
        return row;
    }
}
