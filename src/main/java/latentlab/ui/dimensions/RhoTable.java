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
 * The ρ table: one row per latent dimension, one column per property with Spearman's ρ between them (on a
 * red–blue scale, the strongest dimension of each property in bold), the information about the label in bits, and
 * a last row with each property's gap between its two strongest dimensions (the parts of the disentanglement score).
 */
public final class RhoTable extends GridPane {
    private static final PseudoClass BEST = PseudoClass.getPseudoClass("best");

    public RhoTable() {
        getStyleClass().add("rho-table");
        setId("rho-table");
    }

    /** Shows {@code m} (null: empty) with rows named {@code prefix} + number, coloured for {@code theme}. */
    public void show(MeasuredDimensions m, String prefix, Theme theme) {
        getChildren().clear();
        if (m == null) {
            return;
        }
        DimensionAnalysis a = m.analysis();
        Morphometric[] props = Morphometric.values();
        add(header("", null), 0, 0);
        for (Morphometric p : props) {
            add(header(p.id(), p.description() + " (" + p.unit() + ")"), p.ordinal() + 1, 0);
        }
        add(header("bits", "Information about the digit: the mutual information between the dimension and the digit, in bits (all ten digits: "
                + String.format(Locale.ROOT, "%.2f", m.labelBits()) + " bits)"), props.length + 1, 0);
        DivergingScale colours = new DivergingScale(theme.plotBackground(), theme == Theme.DARK);
        int[] best = new int[props.length];
        for (Morphometric p : props) {
            for (int j = 1; j < a.dimensions(); j++) {
                if (Math.abs(a.rho(j, p)) > Math.abs(a.rho(best[p.ordinal()], p))) {
                    best[p.ordinal()] = j;
                }
            }
        }
        for (int j = 0; j < a.dimensions(); j++) {
            Label name = header(prefix + (j + 1), null);
            add(name, 0, j + 1);
            for (Morphometric p : props) {
                double r = a.rho(j, p);
                Label cell = cell(SliderNotes.number(r));
                int rgb = colours.colour(r, 1) & 0xFFFFFF;
                cell.setStyle(String.format("-fx-background-color: #%06x; -fx-text-fill: %s;", rgb,
                        light(rgb) ? "#14181f" : "#ffffff"));
                cell.pseudoClassStateChanged(BEST, best[p.ordinal()] == j);
                add(cell, p.ordinal() + 1, j + 1);
            }
            add(cell(String.format(Locale.ROOT, "%.2f", a.labelBits()[j])), props.length + 1, j + 1);
        }
        int last = a.dimensions() + 1;
        add(header("gap", "The property's |r| with its strongest dimension minus that with its second strongest:"
                + " near 1 when one dimension alone tracks it"), 0, last);
        for (Morphometric p : props) {
            Label gap = cell(String.format(Locale.ROOT, "%.2f", DisentanglementScore.gap(a, p)));
            gap.getStyleClass().add("rho-gap");
            add(gap, p.ordinal() + 1, last);
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
