package latentlab.ui.embeddings;

import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.Icons;
import latentlab.ui.common.ImageRow;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The arithmetic tool: choose a, b and c (or the thickness example); h(g(a) − g(b) + g(c)) and its neighbours. */
final class ArithmeticPane extends VBox {
    private static final int THUMB = 56;
    private static final int RESULT = 112;

    /**
     * @param noDataset true while no data set is open (the example has nothing to pick from)
     */
    ArithmeticPane(ArithmeticViewModel vm, BooleanBinding nothingSelected, BooleanBinding noDataset,
                   Appearance look) {
        super(8);
        Button a = Icons.button(MaterialDesignA.ALPHA_A_BOX_OUTLINE, "a = selected", "Use the selected image as a");
        a.setOnAction(e -> vm.useSelected(0));
        Button b = Icons.button(MaterialDesignA.ALPHA_B_BOX_OUTLINE, "b = selected", "Use the selected image as b");
        b.setOnAction(e -> vm.useSelected(1));
        Button c = Icons.button(MaterialDesignA.ALPHA_C_BOX_OUTLINE, "c = selected", "Use the selected image as c");
        c.setOnAction(e -> vm.useSelected(2));
        for (Button x : new Button[] {a, b, c}) {
            x.disableProperty().bind(nothingSelected);
        }
        ChoiceBox<Integer> from = new ChoiceBox<>();
        ChoiceBox<Integer> to = new ChoiceBox<>();
        for (int digit = 0; digit < 10; digit++) {
            from.getItems().add(digit);
            to.getItems().add(digit);
        }
        from.setValue(8);
        to.setValue(1);
        from.setId("thick-from");
        to.setId("thick-to");
        Label fromText = new Label();
        fromText.textProperty().bind(from.valueProperty().asString("− thin %d +"));
        Button example = Icons.button(MaterialDesignP.PLUS_MINUS_VARIANT, "Try",
                "Takes the thick and the thin image of the first digit and the thin image of the second from the test "
                        + "images (by their amount of ink). If the difference of the first two is 'thickness', adding it "
                        + "to the thin one gives a thick one. It works for 8 and 1; try 7 and 1 and see why not.");
        example.setId("arithmetic-example");
        example.setOnAction(e -> vm.chooseThicknessExample(from.getValue(), to.getValue()));
        example.disableProperty().bind(noDataset);
        HBox exampleRow = new HBox(6, new Label("Thickness: thick"), from, fromText, new Label("thin"), to, example);
        exampleRow.setAlignment(Pos.CENTER_LEFT);
        ImageRow result = new ImageRow(look, RESULT);
        result.setId("arithmetic-result");

        getChildren().addAll(ToolPanes.muted("Words can be added as vectors (paris − france + italy ≈ rome). Can codes? "
                        + "Pick three images: the decoder draws h(g(a) − g(b) + g(c)). The dashed arrows on the map "
                        + "show the step from b to a, taken again from c."), new HBox(6, a, b, c), exampleRow,
                ToolPanes.follow(new ImageRow(look, THUMB), vm.argumentsProperty()),
                ToolPanes.section("h(g(a) − g(b) + g(c))"), ToolPanes.follow(result, vm.resultProperty()),
                ToolPanes.readout(vm.resultTextProperty()), ToolPanes.section("The nearest real images"),
                ToolPanes.follow(new ImageRow(look, THUMB), vm.nearestProperty()));
    }
}
