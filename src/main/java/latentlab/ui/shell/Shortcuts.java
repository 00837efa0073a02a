package latentlab.ui.shell;

import javafx.event.EventHandler;
import javafx.scene.control.Alert;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.StyleSheets;
import latentlab.ui.explorer.LatentScatterView;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.training.TrainingViewModel;

/**
 * The single keys of the window (Space, arrows, F, T, G, Esc) and Ctrl + as typed on most keyboards, as one key
 * filter on the scene; the menus carry the other accelerators. Keys typed into a text field are left to it.
 */
final class Shortcuts implements EventHandler<KeyEvent> {
    /** The keys that fold and unfold the explorer's side panels (menu accelerators), as tooltips name them. */
    static final String LEFT_PANEL = "Ctrl+[";
    static final String RIGHT_PANEL = "Ctrl+]";
    /** Every shortcut, as the help lists them. */
    static final String HELP = String.join("\n",
            "Space\tplay / pause training",
            "→\ttrain one minibatch",
            "Shift+→\ttrain to the end of the epoch",
            "F\tfit the map to the codes",
            "T\tthumbnails on / off",
            "G\tmanifold grid on / off",
            "Esc\tclear the selection",
            "F1\tguide",
            "Ctrl 1 / 2 / 3\texplorer / PCA comparison / embeddings",
            LEFT_PANEL + " / " + RIGHT_PANEL + "\tfold or show the training / decoder panel",
            "F5\tpresenter mode",
            "F11\tfull screen",
            "Ctrl + (or Ctrl =) / Ctrl - / Ctrl 0\tlarger / smaller / normal text");

    private final TrainingViewModel training;
    private final SelectionModel selection;
    private final Appearance look;
    private final LatentScatterView scatter;

    Shortcuts(TrainingViewModel training, SelectionModel selection, Appearance look, LatentScatterView scatter) {
        this.training = training;
        this.selection = selection;
        this.look = look;
        this.scatter = scatter;
    }

    @Override
    public void handle(KeyEvent e) {
        if (e.isShortcutDown() && !e.isAltDown() && (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.ADD
                || (e.getCode() == KeyCode.EQUALS && e.isShiftDown()))) {
            // Ctrl + as typed on most keyboards (Shift and =, or the keypad's +); the menu shows Ctrl+=.
            look.zoomIn();
            e.consume();
            return;
        }
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        KeyCode c = e.getCode();
        if (c == KeyCode.SPACE) {
            training.playPause();
        } else if (c == KeyCode.RIGHT && e.isShiftDown()) {
            training.stepEpoch();
        } else if (c == KeyCode.RIGHT) {
            training.stepBatch();
        } else if (c == KeyCode.F) {
            scatter.fit();
        } else if (c == KeyCode.T) {
            scatter.thumbnailsProperty().set(!scatter.thumbnailsProperty().get());
        } else if (c == KeyCode.G) {
            scatter.manifoldProperty().set(!scatter.manifoldProperty().get());
        } else if (c == KeyCode.ESCAPE) {
            selection.clear();
        } else {
            return;
        }
        e.consume();
    }

    /** Shows the list of shortcuts. */
    static void showHelp(Window owner, Appearance look) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("Latent Lab");
        a.setHeaderText("Keyboard shortcuts");
        a.setContentText(HELP);
        a.initOwner(owner);
        StyleSheets.apply(a.getDialogPane().getScene(), look.getTheme());
        a.show();
    }
}
