package latentlab.ui.common;

import java.util.Locale;

import javafx.scene.Scene;

/**
 * The application's style sheets on a scene: the base sheet, the theme's sheet on top of it, and the root font size
 * of the text scale. Every window of the app (the main one, the guide, the samples and comparison windows, dialogs)
 * looks the same way through this one place.
 */
public final class StyleSheets {
    private static final String BASE = "/latentlab/ui/latentlab.css";

    private StyleSheets() {
    }

    /** Sets the base sheet and {@code theme}'s sheet on {@code scene}. */
    public static void apply(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(StyleSheets.class.getResource(BASE).toExternalForm());
        if (theme.styleSheet() != null) {
            scene.getStylesheets().add(StyleSheets.class.getResource(theme.styleSheet()).toExternalForm());
        }
    }

    /** Sets the sheets of {@code look}'s theme and its text scale (the root's font size) on {@code scene}. */
    public static void apply(Scene scene, Appearance look) {
        apply(scene, look.getTheme());
        scene.getRoot().setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", look.fontSize()));
    }
}
