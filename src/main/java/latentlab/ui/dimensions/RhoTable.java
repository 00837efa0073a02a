package latentlab.ui.dimensions;

import java.util.Locale;

import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import latentlab.eval.DimensionAnalysis;
import latentlab.eval.DisentanglementScore;
import latentlab.morpho.Morphometric;
import latentlab.ui.common.DivergingScale;
import latentlab.ui.common.Theme;

/**
 * The ρ table: Spearman's ρ between each latent dimension and each property (on a red–blue scale, the strongest
 * dimension of each property in bold), the information each dimension carries about the label in bits, and each
 * property's gap between its two strongest dimensions (the parts of the disentanglement score).
 */
public final class RhoTable extends GridPane {
    private static final PseudoClass BEST = PseudoClass.getPseudoClass("best");
    /** Up to this many dimensions the table has a row per property. */
    static final int FEW = 4;

    public RhoTable() {
        getStyleClass().add("rho-table");
        setId("rho-table");
    }

    /**
     * Shows {@code m} (null: empty) with the dimensions named {@code prefix} + number, coloured for {@code theme}:
     * a row per dimension, or, for up to {@value #FEW} dimensions, a row per property (narrow enough to sit beside
     * the grid on a small screen).
     */
    public void show(MeasuredDimensions m, String prefix, Theme theme) {
        getChildren().clear();
        if (m == null) {
            return;
        }
        DimensionAnalysis a = m.analysis();
        int k = a.dimensions();
        boolean byProperty = k <= FEW;
        Morphometric[] props = Morphometric.values();
        DivergingScale colours = new DivergingScale(theme.plotBackground(), theme == Theme.DARK);
        for (int j = 0; j < k; j++) {
            place(header(prefix + (j + 1), null), byProperty, 0, j + 1);
            for (Morphometric p : props) {
                double r = a.rho(j, p);
                Label cell = cell(SliderNotes.number(r));
                int rgb = colours.colour(r, 1) & 0xFFFFFF;
                cell.setStyle(String.format("-fx-background-color: #%06x; -fx-text-fill: %s;", rgb,
                        light(rgb) ? "#14181f" : "#ffffff"));
                cell.pseudoClassStateChanged(BEST, m.best(p) == j);
                place(cell, byProperty, p.ordinal() + 1, j + 1);
            }
            place(cell(String.format(Locale.ROOT, "%.2f", a.labelBits()[j])), byProperty, props.length + 1, j + 1);
        }
        for (Morphometric p : props) {
            place(header(p.id(), p.description() + " (" + p.unit() + ")"), byProperty, p.ordinal() + 1, 0);
            Label gap = cell(String.format(Locale.ROOT, "%.2f", DisentanglementScore.gap(a, p)));
            gap.getStyleClass().add("rho-gap");
            place(gap, byProperty, p.ordinal() + 1, k + 1);
        }
        place(header("bits", "Information about the digit: the mutual information between the dimension and the "
                + "digit, in bits (all ten digits: " + String.format(Locale.ROOT, "%.2f", m.labelBits()) + " bits)"),
                byProperty, props.length + 1, 0);
        place(header("gap", "The property's |r| with its strongest dimension minus that with its second strongest:"
                + " near 1 when one dimension alone tracks it"), byProperty, 0, k + 1);
    }

    /**
     * Adds {@code node} at property column {@code p} (0: the names) and dimension row {@code d} (0: the header),
     * swapped when the table has a row per property.
     */
    private void place(Label node, boolean byProperty, int p, int d) {
        if (byProperty) {
            add(node, d, p);
        } else {
            add(node, p, d);
        }
    }

    /** Whether black text reads better than white on {@code rgb} (its relative luminance is high). */
    static boolean light(int rgb) {
        double r = ((rgb >> 16) & 0xFF) / 255.0;
        double g = ((rgb >> 8) & 0xFF) / 255.0;
        double b = (rgb & 0xFF) / 255.0;
        return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5;
    }

    private static Label header(String text, String tip) {
        Label l = new Label(text);
        l.getStyleClass().add("rho-header");
        l.setMinWidth(Label.USE_PREF_SIZE);
        if (tip != null) {
            l.setTooltip(new Tooltip(tip));
        }
        GridPane.setHalignment(l, HPos.CENTER);
        return l;
    }

    private static Label cell(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("rho-cell");
        l.setMinWidth(Label.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHalignment(l, HPos.RIGHT);
        return l;
    }
}
