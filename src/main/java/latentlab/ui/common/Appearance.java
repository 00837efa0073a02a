package latentlab.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How the window looks, for a desk or a lecture hall: theme, text and control scale, large thumbnails, and
 * whether advanced controls are hidden. Presenter mode sets all of them at once.
 */
public final class Appearance {
    /** Smallest and largest scale of text and controls. */
    public static final double MIN_SCALE = 0.8;
    public static final double MAX_SCALE = 2.2;
    /** Base font size in pixels at scale 1. */
    public static final double BASE_FONT = 13;

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1.0);
    private final BooleanProperty largeThumbnails = new SimpleBooleanProperty(this, "largeThumbnails", false);
    private final BooleanProperty hideAdvanced = new SimpleBooleanProperty(this, "hideAdvanced", false);
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter", false);

    public Appearance() {
        presenter.addListener((o, was, on) -> {
            theme.set(on ? Theme.DARK : Theme.LIGHT);
            scale.set(on ? 1.4 : 1.0);
            largeThumbnails.set(on);
            hideAdvanced.set(on);
        });
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme getTheme() {
        return theme.get();
    }

    /** Scale of text and controls, 0.8 to 2.2. */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    /** Thumbnails drawn at twice the size. */
    public BooleanProperty largeThumbnailsProperty() {
        return largeThumbnails;
    }

    /** Hide the settings that a lecture does not need. */
    public BooleanProperty hideAdvancedProperty() {
        return hideAdvanced;
    }

    /** Lecture look: dark high-contrast theme, larger text, large thumbnails, advanced controls hidden. */
    public BooleanProperty presenterProperty() {
        return presenter;
    }

    /** Larger text and controls (Ctrl +). */
    public void zoomIn() {
        scale.set(Math.min(MAX_SCALE, Math.round((scale.get() + 0.1) * 10) / 10.0));
    }

    /** Smaller text and controls (Ctrl -). */
    public void zoomOut() {
        scale.set(Math.max(MIN_SCALE, Math.round((scale.get() - 0.1) * 10) / 10.0));
    }

    /** Text and controls at their normal size (Ctrl 0). */
    public void resetZoom() {
        scale.set(1.0);
    }

    /** The root font size for the current scale, in pixels. */
    public double fontSize() {
        return BASE_FONT * scale.get();
    }
}
