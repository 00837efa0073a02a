package latentlab.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Tabs at the bottom of a vertical split that fold down to their headers, giving the pane above them the room:
 * a button in the headers' row folds and unfolds them, and choosing a tab unfolds them. On a short window (a
 * 1280 × 720 projector) the tabs start folded, so that what is above them is not squeezed; once the user folds or
 * unfolds them, that stands.
 */
public final class FoldingTabs extends StackPane {
    /** Below this height of the split the tabs start folded. */
    public static final double FOLD_BELOW = 640;

    private final TabPane tabs;
    private final SplitPane split;
    private final BooleanProperty folded = new SimpleBooleanProperty(this, "folded", false);
    private final double share;
    private boolean userChose;

    /**
     * @param tabs  the tabs
     * @param split the vertical split whose last item this becomes
     * @param share the share of the split's height the tabs take when unfolded
     */
    public FoldingTabs(TabPane tabs, SplitPane split, double share) {
        this.tabs = tabs;
        this.split = split;
        this.share = share;
        getStyleClass().add("folding-tabs");
        FontIcon icon = Icons.icon(MaterialDesignC.CHEVRON_DOWN);
        Button fold = new Button("", icon);
        fold.setId("fold-details");
        fold.getStyleClass().add("panel-fold");
        fold.setFocusTraversable(false);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        fold.setTooltip(tip);
        fold.setOnAction(e -> {
            userChose = true;
            folded.set(!folded.get());
        });
        getChildren().addAll(tabs, fold);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        StackPane.setAlignment(fold, Pos.TOP_RIGHT);
        StackPane.setMargin(fold, new Insets(4, 8, 0, 0));
        folded.addListener((o, was, now) -> {
            icon.setIconCode(now ? MaterialDesignC.CHEVRON_UP : MaterialDesignC.CHEVRON_DOWN);
            tip.setText(now ? "Show these tabs" : "Fold these tabs to their names, giving the maps the room");
            apply();
        });
        tip.setText("Fold these tabs to their names, giving the maps the room");
        // Choosing a tab, or clicking the chosen one's header, shows the tabs again.
        tabs.getSelectionModel().selectedItemProperty().addListener(o -> unfoldForUser());
        tabs.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (folded.get() && e.getY() <= headerHeight()) {
                unfoldForUser();
            }
        });
        split.heightProperty().addListener((o, was, now) -> {
            if (!userChose && now.doubleValue() > 0) {
                folded.set(now.doubleValue() < FOLD_BELOW);
            }
        });
    }

    /** Whether only the tabs' headers show. */
    public BooleanProperty foldedProperty() {
        return folded;
    }

    private void unfoldForUser() {
        if (folded.get()) {
            userChose = true;
            folded.set(false);
        }
    }

    private double headerHeight() {
        tabs.applyCss();
        Node header = tabs.lookup(".tab-header-area");
        double h = header == null ? 0 : header.prefHeight(-1);
        return h > 10 ? h : 2.5 * Font.getDefault().getSize();
    }

    private void apply() {
        // Folded, the tabs' contents are not shown at all (they would lie below the window).
        for (Node area : tabs.lookupAll(".tab-content-area")) {
            area.setVisible(!folded.get());
        }
        if (folded.get()) {
            double h = headerHeight() + 1;
            setMinHeight(h);
            setMaxHeight(h);
            split.setDividerPosition(split.getDividers().size() - 1, 1);
        } else {
            setMinHeight(USE_COMPUTED_SIZE);
            setMaxHeight(Double.MAX_VALUE);
            split.setDividerPosition(split.getDividers().size() - 1, 1 - share);
        }
    }
}
