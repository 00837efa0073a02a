package latentlab.morpho;

/**
 * The morphometrics of one image (see {@link Morphometric} and {@link MorphometricMeter}). An image without ink has
 * ink, area, length, width and height 0 and no thickness or slant (NaN): {@link #hasInk()} is false.
 */
public record Morphometrics(double ink, double area, double length, double thickness, double slant, double width,
                            double height) {
    /** The measurements of an image with no ink. */
    public static final Morphometrics NO_INK = new Morphometrics(0, 0, 0, Double.NaN, Double.NaN, 0, 0);

    /** Whether the image had any pixel of intensity ≥ 0.5 (else thickness and slant are NaN). */
    public boolean hasInk() {
        return area > 0;
    }

    /** The value of one property. */
    public double get(Morphometric m) {
        return switch (m) {
            case INK -> ink;
            case AREA -> area;
            case LENGTH -> length;
            case THICKNESS -> thickness;
            case SLANT -> slant;
            case WIDTH -> width;
            case HEIGHT -> height;
        };
    }
}
