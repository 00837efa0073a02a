package latentlab.ui.common;

import javafx.scene.paint.Color;

/**
 * The two looks of the app: a light theme for desks and a high-contrast dark theme for projectors. Style sheets
 * colour the controls; this class gives the colours of everything drawn by hand (the map, charts, digits).
 */
public enum Theme {
    LIGHT("light", null, 0xFFFFFF, 0xE3E8EF, "#5d6778", "#9aa3b2", "#d5dbe4", "#1c2330", 0xFFFFFF, 0x14181F,
            0xC4C8CE, 0x2A3140, new int[] {0x332288, 0x88CCEE, 0x44AA99, 0x117733, 0x999933, 0xDDCC77, 0xCC6677,
                0x882255, 0xAA4499, 0xEE8866}, 0.72),
    DARK("dark", "/latentlab/ui/theme-dark.css", 0x0E1116, 0x262C35, "#c3cad6", "#7d8796", "#3a424e", "#f4f6fa",
            0x000000, 0xF4F6FA, 0x4A515C, 0xD9DEE6, new int[] {0x56B4E9, 0xE69F00, 0x16B584, 0xF0E442, 0x2D8FDC,
                0xE8702A, 0xCC79A7, 0xF0F0F0, 0xA0A0A0, 0xA6D854}, 1.0);

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
    private final int[] palette;
    private final double thumbnailShade;

    Theme(String id, String styleSheet, int plotBackground, int gridLine, String axisText, String tick, String frame,
          String strong, int paper, int ink, int dimmed, int manifoldInk, int[] palette, double thumbnailShade) {
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
        this.palette = palette;
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

    /**
     * Colour of class {@code c}. Light: Paul Tol's colour-blind-safe "muted" scheme plus his light orange (Tol,
     * "Colour Schemes", SRON/EPS/TN/09-002, 2021); dark: the colour-blind-safe Okabe-Ito set (Okabe and Ito,
     * "Color Universal Design", 2008; blue and green brightened, black replaced by white for a black background)
     * plus grey and a light green.
     */
    public int classColour(int c) {
        return palette[Math.floorMod(c, palette.length)];
    }

    /** Number of distinct class colours. */
    public int classColours() {
        return palette.length;
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
