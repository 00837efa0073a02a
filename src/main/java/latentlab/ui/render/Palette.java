package latentlab.ui.render;

/**
 * Class colours. The first nine are Paul Tol's "muted" scheme, designed to stay distinguishable with colour-vision
 * deficiencies (Tol, "Colour Schemes", SRON/EPS/TN/09-002, 2021); the tenth is Tol's light orange. Classes beyond
 * ten reuse the colours. Dimmed points use a neutral grey that no class uses.
 */
public final class Palette {
    private static final int[] RGB = {
        0x332288, // 0 indigo
        0x88CCEE, // 1 cyan
        0x44AA99, // 2 teal
        0x117733, // 3 green
        0x999933, // 4 olive
        0xDDCC77, // 5 sand
        0xCC6677, // 6 rose
        0x882255, // 7 wine
        0xAA4499, // 8 purple
        0xEE8866, // 9 light orange
    };
    /** Grey for points of classes that are not isolated. */
    public static final int DIMMED_RGB = 0xC4C8CE;

    private Palette() {
    }

    /** 0xRRGGBB colour of class {@code c}. */
    public static int rgb(int c) {
        return RGB[Math.floorMod(c, RGB.length)];
    }

    /** Number of distinct colours. */
    public static int size() {
        return RGB.length;
    }

    /** CSS hex string "#rrggbb" of class {@code c}. */
    public static String hex(int c) {
        return String.format("#%06x", rgb(c));
    }
}
