package latentlab.ui.shell;

import latentlab.io.format.LabFile.SectionReader;
import latentlab.io.format.LabFile.SectionWriter;
import latentlab.io.format.LabFileException;

/**
 * What a lesson remembers of the window besides the model: the map's zoom and mode, the selection, the sliders,
 * the panel layout, the speed and the appearance. Stored as a versioned block inside lesson files.
 *
 * @param bounds   visible region of the map {x0, x1, y0, y1}
 * @param autoFit  whether the map follows the codes
 * @param dividers divider positions of the explorer's split pane
 * @param tab      selected tab
 */
public record ViewState(double[] bounds, boolean autoFit, int dimX, int dimY, boolean thumbnails, boolean manifold,
                        int gridSize, boolean clusterLabels, int selected, int isolatedClass, float[] position,
                        double[] dividers, int tab, double speed, String theme, double scale,
                        boolean largeThumbnails, boolean hideAdvanced, boolean presenter) {
    private static final int VERSION = 1;

    /** Serialises the state. */
    public byte[] toBytes() {
        return new SectionWriter().putInt(VERSION).putDoubles(bounds).putBoolean(autoFit).putInt(dimX).putInt(dimY)
                .putBoolean(thumbnails).putBoolean(manifold).putInt(gridSize).putBoolean(clusterLabels)
                .putInt(selected).putInt(isolatedClass).putFloats(position).putDoubles(dividers).putInt(tab)
                .putDouble(speed).putString(theme).putDouble(scale).putBoolean(largeThumbnails)
                .putBoolean(hideAdvanced).putBoolean(presenter).toByteArray();
    }

    /** Reads a state written by {@link #toBytes()}; an empty block gives null (no view state saved). */
    public static ViewState fromBytes(byte[] b, String where) throws LabFileException {
        if (b == null || b.length == 0) {
            return null;
        }
        SectionReader r = new SectionReader(b, where + " (view state)");
        int v = r.getInt();
        if (v > VERSION) {
            throw new LabFileException(where + ": view state from a newer Latent Lab (version " + v + ")");
        }
        ViewState s = new ViewState(r.getDoubles(), r.getBoolean(), r.getInt(), r.getInt(), r.getBoolean(),
                r.getBoolean(), r.getInt(), r.getBoolean(), r.getInt(), r.getInt(), r.getFloats(), r.getDoubles(),
                r.getInt(), r.getDouble(), r.getString(), r.getDouble(), r.getBoolean(), r.getBoolean(),
                r.getBoolean());
        r.end();
        if (s.bounds().length != 4) {
            throw new LabFileException(where + ": view state has " + s.bounds().length + " bounds instead of 4");
        }
        return s;
    }
}
