package latentlab.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small helpers for icon buttons with tooltips, so every toolbar button looks and behaves the same. */
public final class Icons {
    private Icons() {
    }

    public static FontIcon icon(Ikon ikon) {
        FontIcon fi = new FontIcon(ikon);
        fi.getStyleClass().add("icon");
        return fi;
    }

    /** A button with an icon, a text and a tooltip. */
    public static Button button(Ikon ikon, String text, String tooltip) {
        Button b = new Button(text, icon(ikon));
        tooltip(b, tooltip);
        return b;
    }

    public static <T extends ButtonBase> T tooltip(T control, String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(400));
        t.setWrapText(true);
        t.setMaxWidth(360);
        control.setTooltip(t);
        return control;
    }
}
