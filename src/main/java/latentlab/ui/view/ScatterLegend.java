package latentlab.ui.view;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import latentlab.ui.SelectionModel;
import latentlab.ui.Appearance;
import latentlab.ui.Theme;

/**
 * The scatter's legend: one chip per class with its colour and label. Clicking a chip isolates that class (the
 * others turn grey, they do not disappear); clicking it again shows all.
 */
public final class ScatterLegend extends VBox {
    private static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");
    private static final PseudoClass ISOLATED = PseudoClass.getPseudoClass("isolated");
    private final SelectionModel selection;
    private final Appearance appearance;
    private final FlowPane chips = new FlowPane(4, 4);

    public ScatterLegend(SelectionModel selection, Appearance appearance) {
        this.selection = selection;
        this.appearance = appearance;
        getStyleClass().add("scatter-legend");
        Label title = new Label("Digit (click to isolate)");
        title.getStyleClass().add("legend-title");
        chips.setPrefWrapLength(170);
        getChildren().addAll(title, chips);
        setSpacing(4);
        selection.isolatedClassProperty().addListener((o, a, b) -> refresh());
    }

    /** Shows chips for classes 0 .. count-1 (none when there are more than 20 classes). */
    public void setClasses(int count) {
        chips.getChildren().clear();
        setVisible(count > 0 && count <= 20);
        for (int c = 0; c < count && count <= 20; c++) {
            final int cls = c;
            Circle dot = new Circle(6, Theme.color(appearance.getTheme().classColour(c)));
            Label text = new Label(Integer.toString(c));
            HBox chip = new HBox(4, dot, text);
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.getStyleClass().add("legend-chip");
            chip.setId("legend-" + c);
            chip.setOnMouseClicked(e -> {
                selection.toggleIsolation(cls);
                e.consume();
            });
            Tooltip.install(chip, new Tooltip("Show only the " + c + "s in colour (click again for all)"));
            chips.getChildren().add(chip);
        }
        refresh();
    }

    private void refresh() {
        int iso = selection.isolatedClassProperty().get();
        for (int c = 0; c < chips.getChildren().size(); c++) {
            var chip = chips.getChildren().get(c);
            chip.pseudoClassStateChanged(DIMMED, iso >= 0 && c != iso);
            chip.pseudoClassStateChanged(ISOLATED, c == iso);
        }
    }
}
