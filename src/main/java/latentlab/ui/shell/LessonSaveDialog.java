package latentlab.ui.shell;

import java.util.Locale;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.StyleSheets;
import latentlab.ui.training.LessonHistory;

/**
 * Asks, before the file chooser, what a lesson keeps and shows how large each choice makes the file: the run's
 * history and its branches (everything the timeline and the run tree show), or only the current run's final
 * weights (a small file that opens as the network shown, without its past).
 */
final class LessonSaveDialog {
    /**
     * What the two choices would take and what "everything" holds.
     *
     * @param everything bytes with the history and the branches
     * @param weights    bytes with the final weights only
     * @param moments    kept moments of the current run
     * @param others     other runs of the tree
     */
    record Sizes(long everything, long weights, int moments, int others) {
    }

    private LessonSaveDialog() {
    }

    /** The two choices' texts, e.g. "Everything: the run's history (100 moments) and 1 other run — about 212 MB". */
    static String everythingText(Sizes s) {
        return String.format(Locale.ROOT, "Everything: the run's history (%d moment%s)%s — about %s", s.moments(),
                s.moments() == 1 ? "" : "s", s.others() == 0 ? ""
                        : String.format(Locale.ROOT, " and %d other run%s of the tree", s.others(),
                        s.others() == 1 ? "" : "s"), megabytes(s.everything()));
    }

    static String weightsText(Sizes s) {
        return "Keep only the current run's final weights — about " + megabytes(s.weights());
    }

    static String megabytes(long bytes) {
        double mb = bytes / 1e6;
        return mb < 10 ? String.format(Locale.ROOT, "%.1f MB", mb) : String.format(Locale.ROOT, "%,.0f MB", mb);
    }

    /** Asks (modal to {@code owner}'s window), proposing {@code last}; empty if cancelled. */
    static Optional<LessonHistory.Keep> ask(Node owner, Sizes sizes, LessonHistory.Keep last, Appearance look) {
        ToggleGroup group = new ToggleGroup();
        RadioButton all = new RadioButton(everythingText(sizes));
        all.setId("lesson-keep-everything");
        all.setToggleGroup(group);
        all.setWrapText(true);
        RadioButton weights = new RadioButton(weightsText(sizes));
        weights.setId("lesson-keep-weights");
        weights.setToggleGroup(group);
        weights.setWrapText(true);
        (last == LessonHistory.Keep.FINAL_WEIGHTS ? weights : all).setSelected(true);
        Label note = new Label("With only the final weights the lesson opens as the network shown, without its "
                + "timeline, its branches or its optimiser's state (training goes on with a fresh optimiser).");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        VBox box = new VBox(10, all, weights, note);
        box.setPadding(new Insets(4, 0, 0, 0));
        box.setPrefWidth(460);
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Latent Lab");
        d.setHeaderText("Save the lesson: what should it keep?");
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
        StyleSheets.apply(d.getDialogPane().getScene(), look.getTheme());
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> weights.isSelected()
                ? LessonHistory.Keep.FINAL_WEIGHTS : LessonHistory.Keep.EVERYTHING);
    }
}
