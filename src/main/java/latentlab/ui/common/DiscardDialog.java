package latentlab.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/**
 * Asks before an action throws away a trained network (Apply, Reset, the linear autoencoder): "The current network
 * has trained for N minibatches. {question}". OK goes ahead.
 */
public final class DiscardDialog {
    private DiscardDialog() {
    }

    /** True if the user agreed; the dialog is modal to {@code owner}'s window. */
    public static boolean confirm(Node owner, String header, long steps, String question) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The current network has trained for "
                + String.format("%,d", steps) + " minibatches. " + question, ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText(header);
        a.setTitle("Latent Lab");
        if (owner.getScene() != null) {
            a.initOwner(owner.getScene().getWindow());
        }
        return a.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
    }
}
