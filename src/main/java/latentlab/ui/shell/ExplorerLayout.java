package latentlab.ui.shell;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import latentlab.ui.common.Appearance;
import latentlab.ui.explorer.LatentSlidersView;
import latentlab.ui.explorer.ScatterPane;
import latentlab.ui.training.TrainingPanel;

/**
 * The explorer tab: training and the data set on the left, the latent map in the middle with the timeline under it,
 * the decoder's sliders on the right. The side panels keep their width when the window resizes; the map takes the rest.
 */
final class ExplorerLayout extends SplitPane {
    private final ScrollPane left;
    private final ScrollPane right;

    ExplorerLayout(TrainingPanel training, DatasetSummaryView data, ScatterPane map, Region underMap,
                   LatentSlidersView sliders, Appearance look) {
        data.visibleProperty().bind(look.hideAdvancedProperty().not());
        data.managedProperty().bind(data.visibleProperty());
        VBox leftBox = new VBox(12, training, data);
        leftBox.getStyleClass().add("side-panel");
        leftBox.setPadding(new Insets(12));
        left = sidePanel(leftBox, 350);
        VBox rightBox = new VBox(sliders);
        rightBox.getStyleClass().add("side-panel");
        rightBox.setPadding(new Insets(12));
        right = sidePanel(rightBox, 330);
        VBox centre = new VBox(map, underMap);
        VBox.setVgrow(map, javafx.scene.layout.Priority.ALWAYS);
        getItems().setAll(left, centre, right);
        setDividerPositions(0.25, 0.76);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);
        // Larger text (presenter mode, Ctrl+=) needs wider side panels, or their labels and values are cut off; the
        // map gives up the width, and gets it back when the text is smaller again.
        look.scaleProperty().addListener((o, was, now) -> {
            double f = now.doubleValue();
            left.setMinWidth(300 * f);
            left.setPrefWidth(340 * f);
            right.setMinWidth(300 * f);
            right.setPrefWidth(350 * f);
            Platform.runLater(this::fitSidePanels);
        });
    }

    private static ScrollPane sidePanel(Region content, double width) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("side-scroll");
        scroll.setMinWidth(300);
        scroll.setPrefWidth(width);
        return scroll;
    }

    /** Divider positions that give each side panel its preferred width, and the map the rest. */
    private void fitSidePanels() {
        double w = getWidth();
        if (w <= 0) {
            return;
        }
        double l = Math.min(0.45, left.getPrefWidth() / w);
        double r = Math.max(l + 0.1, 1 - right.getPrefWidth() / w);
        setDividerPositions(l, r);
    }
}
