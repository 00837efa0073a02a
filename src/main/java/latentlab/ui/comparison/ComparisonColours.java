package latentlab.ui.comparison;

import javafx.scene.paint.Color;

/**
 * The comparison's colours, each for the light and the dark theme: PCA orange and the autoencoder blue (as in the
 * probe's bars), saved models purple, the explained variance green. Colour-blind safe against each other.
 */
final class ComparisonColours {
    static final Color PCA = Color.web("#d55e00");
    static final Color PCA_DARK = Color.web("#ffa560");
    static final Color AUTOENCODER = Color.web("#3355cc");
    static final Color AUTOENCODER_DARK = Color.web("#7aa7ff");
    static final Color SAVED = Color.web("#8e44ad");
    static final Color SAVED_DARK = Color.web("#d2a8ff");
    static final Color VARIANCE = Color.web("#2a9d5c");
    static final Color VARIANCE_DARK = Color.web("#5fd08f");

    private ComparisonColours() {
    }
}
