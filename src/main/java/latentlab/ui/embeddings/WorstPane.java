package latentlab.ui.embeddings;

import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.ImageRow;
import latentlab.ui.explorer.ColourBy;
import latentlab.ui.explorer.LatentScatterView;

/** The worst-reconstructed test images, and a switch that colours the map by each image's error. */
final class WorstPane extends VBox {
    private static final int THUMB = 56;

    WorstPane(WorstViewModel vm, LatentScatterView map, Appearance look) {
        super(8);
        ToggleButton colour = new ToggleButton("Colour the map by error");
        colour.setId("colour-by-error");
        colour.selectedProperty().addListener((o, a, b) -> map.colourByProperty().set(b ? ColourBy.ERROR
                : ColourBy.LABEL));
        map.colourByProperty().addListener((o, a, b) -> colour.setSelected(b instanceof ColourBy.Error));
        ImageRow worst = new ImageRow(look, THUMB);
        worst.setId("worst-list");
        getChildren().addAll(ToolPanes.muted("The test images the current network rebuilds worst, with their squared "
                        + "error Σ (x − x′)². Often odd writing, sometimes a wrong label; where are they on the map?"),
                colour, ToolPanes.section(vm.titleProperty()), ToolPanes.follow(worst, vm.worstProperty()));
    }
}
