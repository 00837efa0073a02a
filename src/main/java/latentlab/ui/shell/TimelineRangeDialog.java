package latentlab.ui.shell;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import latentlab.train.Moment;
import latentlab.train.Timeline;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.StyleSheets;

/**
 * Asks which part of the run's history to export as an animation: a first and a last kept moment (by default the
 * whole history), with how many kept moments, one frame each, that is, and whether to write an animated GIF or PNG
 * frames into a folder.
 */
final class TimelineRangeDialog {
    /** What to export: the kept moments with {@code from <= step <= to}, as a GIF or as PNG frames. */
    record Choice(long from, long to, boolean gif) {
    }

    private final List<Moment> moments;
    private final ComboBox<Moment> from = new ComboBox<>();
    private final ComboBox<Moment> to = new ComboBox<>();
    private final Label count = new Label();
    private final RadioButton gif = new RadioButton("Animated GIF");
    private final RadioButton png = new RadioButton("PNG frames in a folder");

    TimelineRangeDialog(Timeline timeline) {
        this.moments = timeline.moments();
        for (ComboBox<Moment> box : List.of(from, to)) {
            box.getItems().setAll(moments);
            box.setCellFactory(l -> new MomentCell());
            box.setButtonCell(new MomentCell());
            box.setVisibleRowCount(16);
            box.valueProperty().addListener(o -> count.setText(countText()));
        }
        from.setId("timeline-export-from");
        to.setId("timeline-export-to");
        count.setId("timeline-export-count");
        from.setValue(moments.get(0));
        to.setValue(moments.get(moments.size() - 1));
        ToggleGroup format = new ToggleGroup();
        gif.setToggleGroup(format);
        png.setToggleGroup(format);
        gif.setSelected(true);
    }

    /** "24 kept moments: 24 frames", or why there are none. */
    String countText() {
        Moment a = from.getValue();
        Moment b = to.getValue();
        if (a == null || b == null) {
            return "";
        }
        if (a.step() > b.step()) {
            return "The first moment comes after the last: no frames";
        }
        long n = moments.stream().filter(m -> m.step() >= a.step() && m.step() <= b.step()).count();
        return String.format(Locale.ROOT, "%d kept moment%s: %d frame%s, each the map as it was then", n,
                n == 1 ? "" : "s", n, n == 1 ? "" : "s");
    }

    /** The range chosen now, or null if it holds no moment. */
    Choice choice() {
        Moment a = from.getValue();
        Moment b = to.getValue();
        return a == null || b == null || a.step() > b.step() ? null : new Choice(a.step(), b.step(), gif.isSelected());
    }

    ComboBox<Moment> fromBox() {
        return from;
    }

    ComboBox<Moment> toBox() {
        return to;
    }

    Label countLabel() {
        return count;
    }

    /** Asks (modal to {@code owner}); empty if cancelled or the range is empty. */
    Optional<Choice> ask(Window owner, Appearance look) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("From"), from);
        grid.addRow(1, new Label("To"), to);
        Label note = new Label("Each frame is drawn afresh from the moment's weights, fitted to its codes, with the "
                + "step, the epoch and the loss written in its corner.");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        VBox box = new VBox(10, grid, count, gif, png, note);
        box.setPadding(new Insets(4, 0, 0, 0));
        box.setPrefWidth(460);
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Latent Lab");
        d.setHeaderText("Export a part of the timeline as an animation");
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(
                Bindings.createBooleanBinding(() -> choice() == null, from.valueProperty(),
                        to.valueProperty()));
        if (owner != null) {
            d.initOwner(owner);
        }
        StyleSheets.apply(d.getDialogPane().getScene(), look.getTheme());
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> choice());
    }

    /** A moment as "step 1,200 · epoch 2.40". */
    static String describe(Moment m) {
        return String.format(Locale.ROOT, "step %,d · epoch %.2f", m.step(), m.epochProgress());
    }

    private static final class MomentCell extends ListCell<Moment> {
        @Override
        protected void updateItem(Moment m, boolean empty) {
            super.updateItem(m, empty);
            setText(empty || m == null ? null : describe(m));
        }
    }
}
