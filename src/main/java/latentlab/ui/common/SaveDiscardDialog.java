package latentlab.ui.common;

import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * Asks before an action would lose training that no lesson holds (quitting, opening another lesson or data set):
 * "The network has trained for N minibatches since it was last saved. {question}" with Save, Discard and Cancel —
 * as {@link DiscardDialog} asks before Apply and Reset, with the way out of saving first.
 */
public final class SaveDiscardDialog {
    /** Save the lesson first, and go on once it is written. */
    public static final ButtonType SAVE = new ButtonType("Save lesson…", ButtonBar.ButtonData.YES);
    /** Go on and let the training go. */
    public static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);

    /** What the user chose. */
    public enum Choice { SAVE, DISCARD, CANCEL }

    private SaveDiscardDialog() {
    }

    /** Asks; the dialog is modal to {@code owner}'s window. Closing it is Cancel. */
    public static Choice ask(Node owner, String header, long steps, String question, Appearance look) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, String.format("The network has trained for %,d minibatch%s "
                + "since it was last saved. %s", steps, steps == 1 ? "" : "es", question), SAVE, DISCARD,
                ButtonType.CANCEL);
        a.setHeaderText(header);
        a.setTitle("Latent Lab");
        ((Button) a.getDialogPane().lookupButton(SAVE)).setDefaultButton(true);
        ((Button) a.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(false);
        if (owner.getScene() != null) {
            a.initOwner(owner.getScene().getWindow());
        }
        StyleSheets.apply(a.getDialogPane().getScene(), look.getTheme());
        Optional<ButtonType> b = a.showAndWait();
        return b.isEmpty() || b.get() == ButtonType.CANCEL ? Choice.CANCEL : b.get() == SAVE ? Choice.SAVE
                : Choice.DISCARD;
    }
}
