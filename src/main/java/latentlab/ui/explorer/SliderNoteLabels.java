package latentlab.ui.explorer;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The labels under the latent sliders that say what each dimension has been measured to mean ({@link SliderNote}s):
 * a short line each, wrapped rather than cut off in a narrow panel, with the details as a tooltip; hidden while a
 * dimension has no note.
 */
final class SliderNoteLabels {
    private final List<Label> labels = new ArrayList<>();

    /** Forgets the labels (the sliders are rebuilt). */
    void clear() {
        labels.clear();
    }

    /** A new, empty label for dimension {@code j} (0-based, added in order). */
    Label add(int j) {
        Label note = new Label();
        note.setId("slider-note-" + j);
        note.getStyleClass().add("slider-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.managedProperty().bind(note.visibleProperty());
        note.setVisible(false);
        labels.add(note);
        return note;
    }

    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        // A full row of measurements takes longer to read than a tooltip's usual five seconds.
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    /** Shows {@code notes} in order (null or missing ones hide their labels); returns whether any is shown. */
    boolean show(List<SliderNote> notes) {
        List<SliderNote> list = notes == null ? List.of() : notes;
        boolean any = false;
        for (int j = 0; j < labels.size(); j++) {
            SliderNote n = j < list.size() ? list.get(j) : null;
            Label l = labels.get(j);
            l.setText(n == null ? "" : n.text());
            l.setTooltip(n == null ? null : tooltip(n.tooltip()));
            l.setVisible(n != null);
            any |= n != null;
        }
        return any;
    }
}
