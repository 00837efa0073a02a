package latentlab.ui.explorer;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import latentlab.morpho.Morphometric;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.ColourScale;
import latentlab.ui.common.Icons;
import latentlab.ui.common.Theme;

/**
 * The scatter's legend and colour chooser. Coloured by digit: one chip per class with its colour and label;
 * clicking a chip isolates that class (the others turn grey, they do not disappear), clicking it again shows all.
 * Coloured by a number (reconstruction error, a latent dimension, a morphometric): a colour bar with the range it
 * spans.
 */
public final class ScatterLegend extends VBox {
    private static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");
    private static final PseudoClass ISOLATED = PseudoClass.getPseudoClass("isolated");
    private static final double BAR_WIDTH = 170;
    private final SelectionModel selection;
    private final Appearance appearance;
    private final ObjectProperty<ColourBy> colourBy;
    private final String axisPrefix;
    private final FlowPane chips = new FlowPane(4, 4);
    private final javafx.beans.property.BooleanProperty folded =
            new javafx.beans.property.SimpleBooleanProperty(this, "folded", false);
    private final Label title = new Label("Digit (click to isolate)");
    private final ComboBox<ColourBy> chooser = new ComboBox<>();
    private final VBox bar = new VBox(2);
    private final Canvas gradient = new Canvas(BAR_WIDTH, 10);
    private final Label low = new Label();
    private final Label high = new Label();
    private final Label barNote = new Label();
    private int classes;
    private ColourScale scale;

    public ScatterLegend(SelectionModel selection, Appearance appearance, ObjectProperty<ColourBy> colourBy,
                         String axisPrefix) {
        this.selection = selection;
        this.appearance = appearance;
        this.colourBy = colourBy;
        this.axisPrefix = axisPrefix;
        getStyleClass().add("scatter-legend");
        title.getStyleClass().add("legend-title");
        chips.setPrefWrapLength(170);

        chooser.getStyleClass().add("colour-by");
        chooser.setId("colour-by");
        chooser.setTooltip(new Tooltip("What the colour of each point shows: its digit, how badly the model "
                + "reconstructs it, the value of one latent dimension, or one measured property of the image (its "
                + "slant, stroke thickness, …)"));
        chooser.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ColourBy c) {
                return c == null ? "" : c.describe(axisPrefix);
            }

            @Override
            public ColourBy fromString(String s) {
                return null;
            }
        });
        chooser.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(colourBy.get())) {
                colourBy.set(b);
            }
        });
        colourBy.addListener((o, a, b) -> chooser.setValue(b));
        Label by = new Label("Colour by");
        by.getStyleClass().add("legend-title");
        // Folding the legend to this one line uncovers the corner of the map it sits on.
        javafx.scene.control.Button fold = new javafx.scene.control.Button();
        fold.setId("legend-fold");
        fold.getStyleClass().add("legend-fold");
        fold.setFocusTraversable(false);
        org.kordamp.ikonli.javafx.FontIcon foldIcon = Icons.icon(
                org.kordamp.ikonli.materialdesign2.MaterialDesignC.CHEVRON_UP);
        fold.setGraphic(foldIcon);
        Tooltip foldTip = new Tooltip();
        fold.setTooltip(foldTip);
        fold.setOnAction(e -> folded.set(!folded.get()));
        Runnable showFold = () -> {
            foldIcon.setIconCode(folded.get() ? org.kordamp.ikonli.materialdesign2.MaterialDesignC.CHEVRON_DOWN
                    : org.kordamp.ikonli.materialdesign2.MaterialDesignC.CHEVRON_UP);
            foldTip.setText(folded.get() ? "Show the legend" : "Fold the legend to uncover the map beneath it");
        };
        folded.addListener(o -> showFold.run());
        showFold.run();
        HBox head = new HBox(6, by, chooser, fold);
        head.setAlignment(Pos.CENTER_LEFT);

        low.getStyleClass().add("legend-title");
        high.getStyleClass().add("legend-title");
        barNote.getStyleClass().add("legend-title");
        BorderPane ends = new BorderPane();
        ends.setLeft(low);
        ends.setRight(high);
        ends.setMaxWidth(BAR_WIDTH);
        bar.getChildren().addAll(gradient, ends, barNote);

        VBox body = new VBox(4, title, chips, bar);
        body.visibleProperty().bind(folded.not());
        body.managedProperty().bind(folded.not());
        getChildren().addAll(head, body);
        setSpacing(4);
        selection.isolatedClassProperty().addListener((o, a, b) -> refresh());
        appearance.themeProperty().addListener(o -> paintGradient());
        setLatentSize(0);
        showScale(ColourBy.LABEL, null);
    }

    /** Whether the legend is folded to its "Colour by" line. */
    public javafx.beans.property.BooleanProperty foldedProperty() {
        return folded;
    }

    /** Shows chips for classes 0 .. count-1 (none when there are more than 20 classes). */
    public void setClasses(int count) {
        classes = count;
        chips.getChildren().clear();
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
        setVisible(count > 0);
        showScale(colourBy.get(), scale);
        refresh();
    }

    /** Offers "digit", "reconstruction error", each of the {@code k} latent dimensions and each morphometric. */
    public void setLatentSize(int k) {
        List<ColourBy> options = new ArrayList<>(List.of(ColourBy.LABEL, ColourBy.ERROR));
        for (int j = 0; j < k; j++) {
            options.add(new ColourBy.Dimension(j));
        }
        for (Morphometric p : Morphometric.values()) {
            options.add(new ColourBy.Measure(p));
        }
        chooser.getItems().setAll(options);
        chooser.setValue(colourBy.get());
    }

    /** Shows the chips (by label) or the colour bar of {@code scale} (null while the values are unknown). */
    public void showScale(ColourBy by, ColourScale scale) {
        this.scale = scale;
        boolean continuous = by != null && by.continuous();
        boolean showChips = !continuous && classes <= 20;
        title.setText(continuous ? "Isolate a digit: click it with the colour set to digit" : "Digit (click to isolate)");
        title.setVisible(showChips);
        title.setManaged(showChips);
        chips.setVisible(showChips);
        chips.setManaged(showChips);
        bar.setVisible(continuous);
        bar.setManaged(continuous);
        if (continuous) {
            gradient.setOpacity(scale == null ? 0.35 : 1);
            low.setText(scale == null ? "" : format(scale.min()));
            high.setText(scale == null ? "" : format(scale.max()));
            barNote.setText(scale == null ? (by instanceof ColourBy.Error ? "measuring the errors…"
                    : by instanceof ColourBy.Measure ? "measuring the images…" : "waiting for codes…")
                    : "1st to 99th percentile");
            paintGradient();
        }
    }

    private void paintGradient() {
        GraphicsContext g = gradient.getGraphicsContext2D();
        for (int i = 0; i < (int) BAR_WIDTH; i++) {
            g.setFill(Theme.color(ColourScale.viridis(i / (BAR_WIDTH - 1))));
            g.fillRect(i, 0, 1, gradient.getHeight());
        }
    }

    /** A value for the colour bar: three significant digits. */
    static String format(double v) {
        double a = Math.abs(v);
        return a >= 100 ? String.format("%.0f", v) : a >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
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
