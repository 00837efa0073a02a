package latentlab.ui.common;

import javafx.scene.paint.Color;

/**
 * The two looks of the app: a light theme for desks and a high-contrast dark theme for projectors. Style sheets
 * colour the controls; this class gives the colours of everything drawn by hand (the map, charts, digits).
 */
public enum Theme {
    LIGHT("light", null, 0xFFFFFF, 0xE3E8EF, "#5d6778", "#9aa3b2", "#d5dbe4", "#1c2330", 0xFFFFFF, 0x14181F,
            0xC4C8CE, 0x2A3140, 0.72),
    DARK("dark", "/latentlab/ui/theme-dark.css", 0x0E1116, 0x262C35, "#c3cad6", "#7d8796", "#3a424e", "#f4f6fa",
            0x000000, 0xF4F6FA, 0x4A515C, 0xD9DEE6, 1.0);

    /**
     * The class colours, the same in both themes so that what a teacher prepared at a desk looks the same on the
     * projector. Mid-tones from colour-blind-safe schemes — Paul Tol's ("Colour Schemes", SRON/EPS/TN/09-002, 2021:
     * bright, vibrant, muted, medium-contrast and light) and Okabe and Ito's ("Color Universal Design", 2008) — chosen
     * so that each has a contrast ratio of at least 2.5:1 (WCAG 2.1) against both plot backgrounds, white and near
     * black, and so that the smallest CIELAB distance between two of them stays as large as such a set allows, also
     * under simulated deuteranopia, protanopia and tritanopia (Machado, Oliveira and Fernandes 2009). Neighbouring
     * MNIST clusters (4, 7, 9 and 3, 5, 8) get unlike hues.
     */
    private static final int[] CLASS_COLOURS = {0x0072B2, 0xEE8866, 0x117733, 0xEE3377, 0x999933, 0x2D8FDC, 0x994455,
        0x44AA99, 0xD55E00, 0xAA3377};

    private final String id;
    private final String styleSheet;
    private final int plotBackground;
    private final int gridLine;
    private final Color axisText;
    private final Color tick;
    private final Color frame;
    private final Color strong;
    private final int paper;
    private final int ink;
    private final int dimmed;
    private final int manifoldInk;
    private final double thumbnailShade;

    Theme(String id, String styleSheet, int plotBackground, int gridLine, String axisText, String tick, String frame,
          String strong, int paper, int ink, int dimmed, int manifoldInk, double thumbnailShade) {
        this.id = id;
        this.styleSheet = styleSheet;
        this.plotBackground = plotBackground;
        this.gridLine = gridLine;
        this.axisText = Color.web(axisText);
        this.tick = Color.web(tick);
        this.frame = Color.web(frame);
        this.strong = Color.web(strong);
        this.paper = paper;
        this.ink = ink;
        this.dimmed = dimmed;
        this.manifoldInk = manifoldInk;
        this.thumbnailShade = thumbnailShade;
    }

    /** "light" or "dark" (stored in preferences). */
    public String id() {
        return id;
    }

    /** The theme called {@code id}, or LIGHT. */
    public static Theme byId(String id) {
        for (Theme t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return LIGHT;
    }

    /** An extra style sheet on top of the base one, or null. */
    public String styleSheet() {
        return styleSheet;
    }

    /** 0xRRGGBB behind the points. */
    public int plotBackground() {
        return plotBackground;
    }

    public int gridLine() {
        return gridLine;
    }

    public Color axisText() {
        return axisText;
    }

    public Color tick() {
        return tick;
    }

    public Color frame() {
        return frame;
    }

    /** Titles, rings, the crosshair. */
    public Color strong() {
        return strong;
    }

    /** Colour of intensity 0 in digit images. */
    public int paper() {
        return paper;
    }

    /** Colour of intensity 1 in digit images. */
    public int ink() {
        return ink;
    }

    /** Points of classes that are not isolated. */
    public int dimmed() {
        return dimmed;
    }

    /** Ink of the decoded manifold behind the points. */
    public int manifoldInk() {
        return manifoldInk;
    }

    /** Colour of class {@code c} (the same in both themes; see {@link #CLASS_COLOURS}). */
    public int classColour(int c) {
        return CLASS_COLOURS[Math.floorMod(c, CLASS_COLOURS.length)];
    }

    /** Number of distinct class colours. */
    public int classColours() {
        return CLASS_COLOURS.length;
    }

    /** Ink of thumbnail digits of class c: the class colour, darkened on light backgrounds for contrast. */
    public int thumbnailInk(int c) {
        int rgb = classColour(c);
        int r = (int) (((rgb >> 16) & 0xFF) * thumbnailShade);
        int g = (int) (((rgb >> 8) & 0xFF) * thumbnailShade);
        int b = (int) ((rgb & 0xFF) * thumbnailShade);
        return (r << 16) | (g << 8) | b;
    }

    /** A JavaFX colour from 0xRRGGBB. */
    public static Color color(int rgb) {
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }
}
