package latentlab.ui.embeddings;

import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.Icons;
import latentlab.ui.common.ImageRow;
import latentlab.ui.common.Changes;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/** The drawing tool: the pad, and what the autoencoder makes of the drawing as it changes. */
final class DrawPane extends VBox {
    private static final int THUMB = 56;
    private static final int RECONSTRUCTION = 112;
    private final DrawingPadView pad;

    DrawPane(DrawingViewModel vm, BooleanBinding nothingSelected, Appearance look) {
        super(8);
        pad = new DrawingPadView(look, 28, 28);
        pad.setId("drawing-pad");
        Changes.onAny(() -> vm.setDrawing(pad.canvas().isEmpty() ? null : pad.encodedImage(), false),
                pad.revisionProperty());
        vm.clearsProperty().addListener(o -> {
            if (!pad.canvas().isEmpty()) {
                pad.clear();
            }
        });
        Button load = Icons.button(MaterialDesignI.IMAGE_MOVE, "Load selected image",
                "Put the image selected in the map on the pad, to damage it with noise or a cover and watch its code "
                        + "move");
        load.setId("load-selected");
        load.setOnAction(e -> {
            float[] image = vm.selectedImage();
            if (image != null) {
                pad.setImage(image);
            }
        });
        load.disableProperty().bind(nothingSelected);
        ImageRow reconstruction = new ImageRow(look, RECONSTRUCTION);
        reconstruction.setId("drawn-reconstruction");
        VBox right = new VBox(8, ToolPanes.section("What the autoencoder makes of it"),
                ToolPanes.follow(reconstruction, vm.reconstructionProperty()), ToolPanes.readout(vm.textProperty()),
                ToolPanes.section("Its nearest images in code space"),
                ToolPanes.follow(new ImageRow(look, THUMB), vm.nearestProperty()));
        right.setMinWidth(220);
        right.setPrefWidth(260);
        HBox.setHgrow(right, Priority.ALWAYS);
        pad.setMinWidth(320);
        pad.setPrefWidth(360);
        pad.setMaxWidth(380);
        getChildren().addAll(ToolPanes.muted("Draw a digit with the mouse (or load one from the map). It is encoded as "
                + "you draw: the green diamond on the map is its code, and it keeps moving while the network trains."),
                load, new HBox(16, pad, right));
    }

    /** The drawing pad. */
    DrawingPadView pad() {
        return pad;
    }
}
