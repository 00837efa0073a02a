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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import latentlab.data.ClassNames;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.ColourScale;
import latentlab.ui.common.Icons;
import latentlab.ui.common.Theme;

/**
 * The scatter's legend and colour chooser. Coloured by digit: one chip per class with its colour and label;
 * clicking a chip isolates that class (the others turn grey, they do not disappear), clicking it again shows all.
 * Coloured by a number (reconstruction error, a latent dimension): a colour bar with the range it spans. Laid out
 * as a column (beside the plot) or as a row (above it); folded, only the "Colour by" line shows.
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
    private final Label by = new Label();
    private final VBox bar = new VBox(2);
    private final Canvas gradient = new Canvas(BAR_WIDTH, 10);
    private final Label low = new Label();
    private final Label high = new Label();
    private final Label barNote = new Label();
    private final HBox head;
    private final VBox body;
    private final HBox row = new HBox(10);
    private boolean horizontal;
    private int classes;
    private ClassNames names = ClassNames.numbered("");
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
                + "reconstructs it, or the value of one latent dimension"));
        chooser.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ColourBy c) {
                return c == null ? "" : c instanceof ColourBy.Label ? names.noun() : c.describe(axisPrefix);
            }

            @Override
            public ColourBy fromString(String s) {
                return null;
            }
        });
        // As wide as what it shows, not as its longest choice (the list that drops down shows those whole): the
        // legend's line stays short.
        chooser.valueProperty().addListener(o -> fitChooser());
        chooser.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(colourBy.get())) {
                colourBy.set(b);
            }
        });
        colourBy.addListener((o, a, b) -> chooser.setValue(b));
        by.setText("Colour by");
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
        head = new HBox(6, by, chooser, fold);
        // As a row the chips may wrap, but the "Colour by" line stays whole.
        by.setMinWidth(Region.USE_PREF_SIZE);
        chooser.setMinWidth(Region.USE_PREF_SIZE);
        head.setMinWidth(Region.USE_PREF_SIZE);
        head.setAlignment(Pos.CENTER_LEFT);

        low.getStyleClass().add("legend-title");
        high.getStyleClass().add("legend-title");
        barNote.getStyleClass().add("legend-title");
        BorderPane ends = new BorderPane();
        ends.setLeft(low);
        ends.setRight(high);
        ends.setMaxWidth(BAR_WIDTH);
        bar.getChildren().addAll(gradient, ends, barNote);

        body = new VBox(4, title, chips, bar);
        body.visibleProperty().bind(folded.not());
        body.managedProperty().bind(folded.not());
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(body, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(head, body);
        setSpacing(4);
        selection.isolatedClassProperty().addListener((o, a, b) -> refresh());
        appearance.themeProperty().addListener(o -> paintGradient());
        setLatentSize(0);
        showScale(ColourBy.LABEL, null);
    }

    @Override
    protected void layoutChildren() {
        fitChooser(); // the chooser's text may have a new size (the text scale changed)
        super.layoutChildren();
    }

    /** Sizes the chooser to the text of its value, plus its arrow and padding (once it has a skin). */
    private void fitChooser() {
        if (!(chooser.lookup(".list-cell") instanceof javafx.scene.control.Labeled cell)) {
            return;
        }
        javafx.scene.text.Text probe = new javafx.scene.text.Text(chooser.getConverter().toString(chooser.getValue()));
        probe.setFont(cell.getFont());
        double arrowAndPadding = 3 * cell.getFont().getSize() + 12;
        double width = Math.ceil(probe.getLayoutBounds().getWidth() + arrowAndPadding);
        if (width != chooser.getPrefWidth()) {
            chooser.setPrefWidth(width);
        }
    }

    /** Whether the legend is folded to its "Colour by" line. */
    public javafx.beans.property.BooleanProperty foldedProperty() {
        return folded;
    }

    /**
     * Lays the legend out as a row (the chips after the "Colour by" line, without the title line above them) or as
     * a column.
     */
    public void setHorizontal(boolean on) {
        if (on == horizontal) {
            return;
        }
        horizontal = on;
        if (on) {
            row.getChildren().setAll(head, body);
            getChildren().setAll(row);
        } else {
            getChildren().setAll(head, body);
        }
        wrapChips();
        showScale(colourBy.get(), scale);
    }

    /** As a row, the chips prefer one line (a flow pane is never narrower than its wrap length); else 170 px. */
    private void wrapChips() {
        chips.setPrefWrapLength(horizontal ? Math.max(1, chipsRowWidth()) : 170);
    }

    private double chipsRowWidth() {
        double w = 0;
        for (var chip : chips.getChildren()) {
            w += chip.prefWidth(-1) + chips.getHgap();
        }
        return w;
    }

    /** Whether the legend is laid out as a row. */
    public boolean isHorizontal() {
        return horizontal;
    }

    /** The unfolded legend's widths as a column, and of its head and items as a row (whatever its layout now). */
    LegendLayout.Size size() {
        wrapChips(); // the chips' widths change with the text scale
        double chipsWidth = classes > 0 && classes <= 20 ? 170 : 0;
        double headWidth = head.prefWidth(-1);
        double column = Math.max(headWidth, Math.max(chipsWidth, bar.prefWidth(-1))) + insetsWidth();
        boolean continuous = colourBy.get() != null && colourBy.get().continuous();
        return new LegendLayout.Size(column, headWidth + row.getSpacing() + insetsWidth(),
                continuous ? bar.prefWidth(-1) : chipsRowWidth());
    }

    private double insetsWidth() {
        return getInsets().getLeft() + getInsets().getRight();
    }

    /**
     * Shows chips for classes 0 .. count-1 with their names (none when there are more than 20 classes), and says
     * the data set's noun ("digit", "class").
     */
    public void setClasses(int count, ClassNames names) {
        classes = count;
        this.names = names;
        chooser.setConverter(chooser.getConverter()); // the noun in "Colour by" may have changed
        fitChooser();
        chips.getChildren().clear();
        for (int c = 0; c < count && count <= 20; c++) {
            final int cls = c;
            Circle dot = new Circle(6, Theme.color(appearance.getTheme().classColour(c)));
            Label text = new Label(names.name(c));
            text.setMinWidth(Region.USE_PREF_SIZE);
            HBox chip = new HBox(4, dot, text);
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.getStyleClass().add("legend-chip");
            chip.setId("legend-" + c);
            chip.setOnMouseClicked(e -> {
                selection.toggleIsolation(cls);
                e.consume();
            });
            Tooltip.install(chip, new Tooltip((names.named() ? "Show only \u201C" + names.name(c) + "\u201D"
                    : "Show only the " + c + "s") + " in colour (click again for all)"));
            chips.getChildren().add(chip);
        }
        setVisible(count > 0);
        wrapChips();
        showScale(colourBy.get(), scale);
        refresh();
    }

    /** Offers "digit", "reconstruction error" and each of the {@code k} latent dimensions. */
    public void setLatentSize(int k) {
        List<ColourBy> options = new ArrayList<>(List.of(ColourBy.LABEL, ColourBy.ERROR));
        for (int j = 0; j < k; j++) {
            options.add(new ColourBy.Dimension(j));
        }
        chooser.getItems().setAll(options);
        chooser.setValue(colourBy.get());
    }

    /** Shows the chips (by label) or the colour bar of {@code scale} (null while the values are unknown). */
    public void showScale(ColourBy by, ColourScale scale) {
        this.scale = scale;
        boolean continuous = by != null && by.continuous();
        boolean showChips = !continuous && classes <= 20;
        title.setText(continuous ? "Isolate a " + names.noun() + ": click it with the colour set to " + names.noun()
                : names.capitalNoun() + " (click to isolate)");
        title.setVisible(showChips && !horizontal);
        title.setManaged(showChips && !horizontal);
        chips.setVisible(showChips);
        chips.setManaged(showChips);
        bar.setVisible(continuous);
        bar.setManaged(continuous);
        if (continuous) {
            gradient.setOpacity(scale == null ? 0.35 : 1);
            low.setText(scale == null ? "" : format(scale.min()));
            high.setText(scale == null ? "" : format(scale.max()));
            barNote.setText(scale == null ? (by instanceof ColourBy.Error ? "measuring the errors…" : "waiting for codes…")
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
