package latentlab.morpho;

import java.util.Locale;

/**
 * The measured properties of a digit image, after Morpho-MNIST (Castro, Tan, Kamnitsas, Glocker: "Morpho-MNIST:
 * Quantitative Assessment and Diagnostics for Representation Learning", JMLR 20(178), 2019), plus the total ink.
 * {@link MorphometricMeter} says how each is measured.
 */
public enum Morphometric {
    /** Σ of the intensities in [0, 1]: how much ink, in pixels' worth. */
    INK("ink", "px", "total ink: the sum of the intensities"),
    /** Number of pixels of intensity ≥ 0.5. */
    AREA("area", "px²", "pixels with intensity ≥ 0.5"),
    /** Length of the one-pixel skeleton of the binarised image. */
    LENGTH("length", "px", "length of the stroke's skeleton"),
    /** Twice the mean distance from the skeleton to the edge of the stroke. */
    THICKNESS("thickness", "px", "mean stroke thickness"),
    /** Shear angle from the central second moments; positive when the top leans right, like italic type. */
    SLANT("slant", "°", "slant: positive leans right"),
    /** Width of the slant-free bounding box holding 98% of the ink. */
    WIDTH("width", "px", "width once the slant is removed"),
    /** Height of the bounding box holding 98% of the ink. */
    HEIGHT("height", "px", "height of the ink");

    private final String id;
    private final String unit;
    private final String description;

    Morphometric(String id, String unit, String description) {
        this.id = id;
        this.unit = unit;
        this.description = description;
    }

    /** The lower-case name used in CSV headers and the command line, e.g. {@code thickness}. */
    public String id() {
        return id;
    }

    /** The unit: px, px², °. */
    public String unit() {
        return unit;
    }

    /** One line for tooltips and help. */
    public String description() {
        return description;
    }

    /** A value with its unit for labels, e.g. "2.3 px" or "−18°". */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        String number = String.format(Locale.ROOT, this == SLANT ? "%.0f" : "%.1f", value).replace('-', '−');
        return this == SLANT ? number + unit : number + " " + unit;
    }

    /** The property called {@code id} (as in {@link #id()}). */
    public static Morphometric byId(String id) {
        for (Morphometric m : values()) {
            if (m.id.equalsIgnoreCase(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no morphometric called '" + id + "'");
    }
}
