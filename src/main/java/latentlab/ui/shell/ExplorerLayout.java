package latentlab.ui.shell;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import latentlab.ui.common.Appearance;
import latentlab.ui.explorer.LatentSlidersView;
import latentlab.ui.training.TrainingPanel;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The explorer tab: training and the data set on the left, the latent map in the middle with the timeline under it,
 * the decoder's sliders on the right. The side panels keep their width when the window resizes and the map takes
 * the rest; each folds to an icon rail and back ({@link SidePanels}: Ctrl+[ and Ctrl+]), and on a narrow window they
 * fold by themselves so that the map keeps most of the room.
 */
final class ExplorerLayout extends SplitPane {
    /** Widths of the side panels at text scale 1: minimum and preferred. */
    static final double LEFT_MIN = 300;
    static final double LEFT_PREF = 340;
    static final double RIGHT_MIN = 270;
    static final double RIGHT_PREF = 300;

    private final SidePanels panels;
    private final SidePanel left;
    private final SidePanel right;

    ExplorerLayout(TrainingPanel training, DatasetSummaryView data, Region map, Region underMap,
                   LatentSlidersView sliders, Appearance look, SidePanels panels) {
        this.panels = panels;
        getStyleClass().add("explorer");
        data.visibleProperty().bind(look.hideAdvancedProperty().not());
        data.managedProperty().bind(data.visibleProperty());
        VBox leftBox = new VBox(12, training, data);
        leftBox.getStyleClass().add("side-panel");
        leftBox.setPadding(new Insets(12));
        left = new SidePanel(leftBox, true, "Training", MaterialDesignC.CHART_LINE,
                Shortcuts.LEFT_PANEL, panels.leftShownProperty(), panels::toggleLeft);
        left.setId("left-panel");
        VBox rightBox = new VBox(sliders);
        rightBox.getStyleClass().add("side-panel");
        rightBox.setPadding(new Insets(12));
        right = new SidePanel(rightBox, false, "Decoder", MaterialDesignT.TUNE_VERTICAL, Shortcuts.RIGHT_PANEL,
                panels.rightShownProperty(), panels::toggleRight);
        right.setId("right-panel");
        VBox centre = new VBox(map, underMap);
        VBox.setVgrow(map, javafx.scene.layout.Priority.ALWAYS);
        getItems().setAll(left, centre, right);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);
        scaleWidths(look.scaleProperty().get());
        // Larger text (presenter mode, Ctrl+=) needs wider side panels, or their labels and values are cut off; the
        // map gives up the width, and gets it back when the text is smaller again.
        look.scaleProperty().addListener((o, was, now) -> {
            scaleWidths(now.doubleValue());
            panels.fit(getWidth(), left.shownWidth(), right.shownWidth(), SidePanel.RAIL_WIDTH);
            Platform.runLater(this::fitSidePanels);
        });
        widthProperty().addListener((o, was, now) -> {
            panels.fit(now.doubleValue(), left.shownWidth(), right.shownWidth(), SidePanel.RAIL_WIDTH);
            if (was.doubleValue() <= 0) {
                fitSidePanels(); // the first layout; afterwards the panels keep the widths the user gave them
            }
        });
        panels.leftShownProperty().addListener(o -> Platform.runLater(this::fitSidePanels));
        panels.rightShownProperty().addListener(o -> Platform.runLater(this::fitSidePanels));
    }

    /**
     * Folds or shows the side panels for an explorer about {@code width} wide before it is first laid out: a panel
     * folded from the start is not styled with the window (JavaFX styles the whole scene before its first layout).
     */
    void fitTo(double width) {
        panels.fit(width, left.shownWidth(), right.shownWidth(), SidePanel.RAIL_WIDTH);
    }

    private void scaleWidths(double f) {
        left.setWidths(LEFT_MIN * f, LEFT_PREF * f);
        right.setWidths(RIGHT_MIN * f, RIGHT_PREF * f);
    }

    /** Divider positions that give each side panel the width it takes now, and the map the rest. */
    private void fitSidePanels() {
        double w = getWidth();
        if (w <= 0) {
            return;
        }
        double l = Math.min(0.45, left.width() / w);
        double r = Math.max(l + 0.1, 1 - right.width() / w);
        setDividerPositions(l, r);
    }

    /** The training panel (tests look inside it). */
    SidePanel leftPanel() {
        return left;
    }

    /** The decoder panel. */
    SidePanel rightPanel() {
        return right;
    }
}
