package latentlab.ui.shell;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import latentlab.ui.common.Icons;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * One of the explorer's side panels: its content in a scroll pane with a small fold button in the top corner, or,
 * folded, an icon rail with a button that brings it back and its name written upwards. Either way the same
 * shortcut toggles it (the tooltips say which). Lays out only; whether it is shown is {@link SidePanels}'.
 */
final class SidePanel extends StackPane {
    /** Width of the folded rail. */
    static final double RAIL_WIDTH = 40;

    private final ScrollPane scroll;
    private final VBox rail;
    private final StackPane open;
    private double minWidth;
    private double prefWidth;

    /**
     * @param content  what the panel shows
     * @param left     whether it is the left panel (its buttons point that way)
     * @param name     e.g. "Training" (the rail shows it)
     * @param icon     the rail's icon for it
     * @param shortcut the key that toggles it, as the tooltips name it
     * @param shown    whether it is shown
     * @param toggle   folds or unfolds it
     */
    SidePanel(Region content, boolean left, String name, Ikon icon, String shortcut, ObservableBooleanValue shown,
              Runnable toggle) {
        getStyleClass().add("side-panel-host");
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("side-scroll");

        Button fold = Icons.button(left ? MaterialDesignC.CHEVRON_DOUBLE_LEFT : MaterialDesignC.CHEVRON_DOUBLE_RIGHT,
                "", "Fold the " + name.toLowerCase() + " panel to give the map its room (" + shortcut + ")");
        fold.getStyleClass().add("panel-fold");
        fold.setId((left ? "left" : "right") + "-panel-fold");
        fold.setFocusTraversable(false);
        fold.setOnAction(e -> toggle.run());
        open = new StackPane(scroll, fold);
        StackPane.setAlignment(fold, Pos.TOP_RIGHT);
        // Inside the first card's top corner, clear of the scroll bar.
        StackPane.setMargin(fold, new Insets(16, 22, 0, 0));

        Button unfold = Icons.button(left ? MaterialDesignC.CHEVRON_DOUBLE_RIGHT : MaterialDesignC.CHEVRON_DOUBLE_LEFT,
                "", "Show the " + name.toLowerCase() + " panel (" + shortcut + ")");
        unfold.getStyleClass().add("panel-fold");
        unfold.setId((left ? "left" : "right") + "-panel-unfold");
        unfold.setOnAction(e -> toggle.run());
        Button iconButton = Icons.button(icon, "", "Show the " + name.toLowerCase() + " panel (" + shortcut + ")");
        iconButton.getStyleClass().add("panel-fold");
        iconButton.setOnAction(e -> toggle.run());
        Label title = new Label(name);
        title.getStyleClass().add("rail-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        title.setRotate(-90);
        title.setOnMouseClicked(e -> toggle.run());
        rail = new VBox(10, unfold, iconButton, new Group(title));
        rail.setAlignment(Pos.TOP_CENTER);
        rail.setPadding(new Insets(10, 0, 10, 0));
        rail.getStyleClass().add("side-rail");

        shown.addListener((o, was, now) -> show(now));
        show(shown.get());
    }

    /** The widths when shown; folded, the panel is {@link #RAIL_WIDTH} wide. */
    void setWidths(double min, double pref) {
        minWidth = min;
        prefWidth = pref;
        show(open.getParent() == this);
    }

    /** The width it takes now: its preferred width when shown, the rail's when folded. */
    double width() {
        return open.getParent() == this ? prefWidth : RAIL_WIDTH;
    }

    /** The preferred width when shown. */
    double shownWidth() {
        return prefWidth;
    }

    private void show(boolean shownNow) {
        getChildren().setAll(shownNow ? open : rail);
        setMinWidth(shownNow ? minWidth : RAIL_WIDTH);
        setPrefWidth(shownNow ? prefWidth : RAIL_WIDTH);
        setMaxWidth(shownNow ? Double.MAX_VALUE : RAIL_WIDTH);
    }

    /** The scroll pane around the content (tests scroll it). */
    ScrollPane scroll() {
        return scroll;
    }
}
