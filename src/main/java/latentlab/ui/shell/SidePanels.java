package latentlab.ui.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Whether the explorer's side panels (training on the left, the decoder on the right) are shown or folded to an
 * icon rail. Until the user folds or unfolds one, the window chooses: the latent map keeps at least
 * {@value #MAP_SHARE} of the explorer's width, so on a narrow screen (1280 × 720, 1024 × 768, or larger text) the
 * training panel folds first and then the decoder; they come back, the decoder first, when the window widens.
 * Once the user toggled a panel, that choice stands. Plain state, FX thread.
 */
public final class SidePanels {
    /** Share of the explorer's width the map keeps while the window chooses. */
    public static final double MAP_SHARE = 0.6;

    private final ReadOnlyBooleanWrapper leftShown = new ReadOnlyBooleanWrapper(this, "leftShown", true);
    private final ReadOnlyBooleanWrapper rightShown = new ReadOnlyBooleanWrapper(this, "rightShown", true);
    private boolean userChose;

    /** Whether the training panel is shown (else folded to its rail). */
    public ReadOnlyBooleanProperty leftShownProperty() {
        return leftShown.getReadOnlyProperty();
    }

    /** Whether the decoder panel is shown (else folded to its rail). */
    public ReadOnlyBooleanProperty rightShownProperty() {
        return rightShown.getReadOnlyProperty();
    }

    /** Folds or unfolds the training panel (the user's choice: the window no longer chooses). */
    public void toggleLeft() {
        userChose = true;
        leftShown.set(!leftShown.get());
    }

    /** Folds or unfolds the decoder panel (the user's choice). */
    public void toggleRight() {
        userChose = true;
        rightShown.set(!rightShown.get());
    }

    /** Shows or folds both (the user's choice), e.g. as a lesson left them. */
    public void show(boolean left, boolean right) {
        userChose = true;
        leftShown.set(left);
        rightShown.set(right);
    }

    /** Whether the user has chosen (the window then leaves the panels as they are). */
    public boolean userChose() {
        return userChose;
    }

    /**
     * The window's choice for an explorer {@code width} wide, with panels {@code left} and {@code right} wide when
     * shown and {@code rail} wide when folded; nothing changes once the user has chosen.
     */
    public void fit(double width, double left, double right, double rail) {
        if (userChose || !(width > 0)) {
            return;
        }
        boolean l = true;
        boolean r = true;
        if (width - left - right < MAP_SHARE * width) {
            l = false;
            r = width - rail - right >= MAP_SHARE * width;
        }
        leftShown.set(l);
        rightShown.set(r);
    }
}
