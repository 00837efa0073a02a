package latentlab.ui.dimensions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import latentlab.eval.DimensionAnalysis;
import latentlab.morpho.Morphometric;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SliderNote;

/**
 * The notes beside the latent sliders: for each dimension the property it tracks most, and a second one if that
 * is tracked clearly too (|ρ| ≥ {@value #SECOND_AT_LEAST}), as "slant r = 0.71"; the tooltip gives the whole row —
 * every ρ, strongest first, with the measured sweep of that property, and the information about the label.
 */
public final class SliderNotes {
    /** The least |ρ| for which a second property is named. */
    static final double SECOND_AT_LEAST = 0.3;

    private SliderNotes() {
    }

    /**
     * The notes for the sliders of {@code analyzer}'s space, following its analyses (an analysis of another k than
     * the space's gives none); registers them as a background client, so the space's model is analysed from now on.
     */
    public static ObjectBinding<List<SliderNote>> follow(DimensionAnalyzer analyzer, String axisPrefix) {
        Object client = new Object();
        analyzer.wantInBackground(client, true);
        LatentSpaceModel space = analyzer.space();
        return Bindings.createObjectBinding(() -> {
            MeasuredDimensions m = analyzer.getResult();
            return m == null || m.dimensions() != space.getLatentSize() || m.images() != space.getDisplay()
                    ? List.of() : of(m, axisPrefix);
        }, analyzer.resultProperty(), space.latentSizeProperty(), space.displayProperty());
    }

    /** One note per dimension of {@code m}'s model, named {@code axisPrefix} + number (a1, PC1). */
    public static List<SliderNote> of(MeasuredDimensions m, String axisPrefix) {
        List<SliderNote> notes = new ArrayList<>();
        for (int j = 0; j < m.dimensions(); j++) {
            notes.add(new SliderNote(text(m.analysis(), j), tooltip(m, j, axisPrefix)));
        }
        return notes;
    }

    /**
     * The short line: "slant r = −0.42, width r = 0.41". Ink and area measure nearly the same thing (on MNIST ρ ≈
     * 0.99 between them), so the second property named is never the first one's twin.
     */
    static String text(DimensionAnalysis a, int j) {
        List<DimensionAnalysis.Tracked> order = a.strongest(j, Morphometric.values().length);
        DimensionAnalysis.Tracked first = order.get(0);
        StringBuilder b = new StringBuilder(r(first));
        for (DimensionAnalysis.Tracked t : order.subList(1, order.size())) {
            if (twins(first.property(), t.property())) {
                continue;
            }
            if (Math.abs(t.rho()) >= SECOND_AT_LEAST) {
                b.append(", ").append(r(t));
            }
            break;
        }
        return b.toString();
    }

    private static boolean twins(Morphometric a, Morphometric b) {
        return (a == Morphometric.INK && b == Morphometric.AREA) || (a == Morphometric.AREA && b == Morphometric.INK);
    }

    private static String r(DimensionAnalysis.Tracked t) {
        return t.property().id() + " r = " + number(t.rho());
    }

    /** ρ with two decimals and a real minus sign. */
    static String number(double rho) {
        return String.format(Locale.ROOT, "%.2f", rho).replace('-', '−');
    }

    /** Every ρ of dimension j (strongest first) with the property's measured sweep, and the label information. */
    static String tooltip(MeasuredDimensions m, int j, String axisPrefix) {
        DimensionAnalysis a = m.analysis();
        String name = axisPrefix + (j + 1);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%s, measured on the %,d test images: Spearman's r with each property,%nand what sweeping %s "
                        + "does to the decoded image (the others at the median code):%n",
                name, m.images().size(), name));
        List<Morphometric> byStrength = new ArrayList<>(List.of(Morphometric.values()));
        byStrength.sort(Comparator.comparingDouble((Morphometric p) -> -Math.abs(a.rho(j, p))));
        for (Morphometric p : byStrength) {
            b.append(String.format(Locale.ROOT, "  %s r = %s   sweep %s → %s%n", p.id(), number(a.rho(j, p)),
                    p.format(a.traversalStart(j, p)), p.format(a.traversalEnd(j, p))));
        }
        b.append(String.format(Locale.ROOT, "Information about the digit: %.2f bits (all ten digits: %.2f bits)",
                a.labelBits()[j], m.labelBits()));
        return b.toString();
    }
}
