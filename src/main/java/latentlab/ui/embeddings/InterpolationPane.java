package latentlab.ui.embeddings;

import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.Icons;
import latentlab.ui.common.ImageRow;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The interpolation tool: choose A and B and the number of images; three filmstrips from A to B. */
final class InterpolationPane extends VBox {
    private static final int THUMB = 56;

    InterpolationPane(InterpolationViewModel vm, BooleanBinding nothingSelected, Appearance look) {
        super(8);
        Button setA = Icons.button(MaterialDesignA.ALPHA_A_BOX_OUTLINE, "A = selected",
                "Start the walk at the image selected in the map");
        setA.setId("set-a");
        setA.setOnAction(e -> vm.startAtSelected());
        Button setB = Icons.button(MaterialDesignA.ALPHA_B_BOX_OUTLINE, "B = selected",
                "End the walk at the image selected in the map");
        setB.setId("set-b");
        setB.setOnAction(e -> vm.endAtSelected());
        for (Button b : new Button[] {setA, setB}) {
            b.disableProperty().bind(nothingSelected);
        }
        Button swap = Icons.button(MaterialDesignS.SWAP_HORIZONTAL, "Swap", "Walk the other way");
        swap.setOnAction(e -> vm.swap());
        Spinner<Integer> steps = new Spinner<>(3, 21, vm.stepsProperty().get(), 2);
        steps.setPrefWidth(80);
        steps.valueProperty().addListener((o, a, b) -> vm.stepsProperty().set(b));
        HBox buttons = new HBox(6, setA, setB, swap, steps, new Label("images"));
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(ToolPanes.muted("Pick two images, A and B. The autoencoder walks the straight line "
                        + "between their codes and decodes each step; a pixel cross-fade just blends the two pictures; "
                        + "PCA walks the line between its own codes. The walk is drawn on the map."), buttons,
                ToolPanes.follow(new ImageRow(look, THUMB), vm.endsProperty()),
                ToolPanes.section("Autoencoder: h((1 − t)·g(A) + t·g(B))"),
                strip("strip-latent", vm.latentTilesProperty(), look),
                ToolPanes.section("Pixels: (1 − t)·A + t·B"), strip("strip-fade", vm.fadeTilesProperty(), look),
                ToolPanes.section(vm.pcaTitleProperty()), strip("strip-pca", vm.pcaTilesProperty(), look));
    }

    private static ImageRow strip(String id, javafx.beans.value.ObservableValue<java.util.List<ImageRow.Item>> items,
                                  Appearance look) {
        ImageRow row = new ImageRow(look, THUMB);
        row.setId(id);
        return ToolPanes.follow(row, items);
    }
}
