package latentlab.ui.explorer;

import java.util.Arrays;

import latentlab.data.Dataset;
import latentlab.nn.Codec;
import latentlab.ui.common.Theme;

/**
 * The decoder's picture of the visible region behind the points: the plot is cut into square cells (the chosen
 * number along its shorter side) and each cell shows h(a) for the code a at its centre, the shown dimensions set
 * from the cell and the others at the sliders' position. Grids are decoded in the background
 * ({@link GridDecoder}); while a new one is under way the last one stays, drawn at the region it was made for, so
 * panning shows it moving with the map.
 */
final class ManifoldBackdrop implements AutoCloseable {
    /** A new grid is asked for at most this often while the region or the model keeps changing. */
    private static final long REQUEST_INTERVAL_NANOS = 60_000_000L;
    /** Opacity of the decoded ink, so the points stay in front. */
    private static final double INK_ALPHA = 0.42;

    private final GridDecoder grid;
    private Object lastRequested;
    private long requestedAt;
    private long drawnVersion = -1;
    private boolean deferred;
    private String lastProblem;

    /** What a grid shows: the region, the cells, the dimensions, the model and the other dimensions' values. */
    private record Tag(double x0, double x1, double y0, double y1, int cols, int rows, int dx, int dy, Codec codec,
                       float[] position) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Tag t && t.x0 == x0 && t.x1 == x1 && t.y0 == y0 && t.y1 == y1 && t.cols == cols
                    && t.rows == rows && t.dx == dx && t.dy == dy && t.codec == codec
                    && Arrays.equals(t.position, position);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(position) * 31 + cols * 17 + rows;
        }
    }

    ManifoldBackdrop(GridDecoder grid) {
        this.grid = grid;
    }

    /**
     * Whether the backdrop needs a redraw at {@code now}: a grid finished that has not been drawn yet, or a grid
     * that was due but held back by the request interval may be asked for now.
     */
    boolean needsRedraw(long now) {
        GridDecoder.Result r = grid.result();
        return r != null && r.version() != drawnVersion || deferred && now - requestedAt > REQUEST_INTERVAL_NANOS;
    }

    /** Asks for a new grid at the next redraw (the options changed). */
    void invalidate() {
        lastRequested = null;
    }

    /** Forgets the last grid (the model changed shape). */
    void clear() {
        lastRequested = null;
        grid.clear();
    }

    /**
     * Why the last background decode failed, if that is new since the last call (each distinct problem once; the
     * map goes on without the backdrop), else null.
     */
    String newProblem() {
        RuntimeException e = grid.takeFailure();
        if (e == null) {
            return null;
        }
        String problem = e.getMessage() == null ? e.toString() : e.getMessage();
        if (problem.equals(lastProblem)) {
            return null;
        }
        lastProblem = problem;
        return problem;
    }

    /**
     * Draws the newest grid into the pass and, on the live view, asks for a new one when the region, the model or
     * the position changed.
     *
     * @param side cells along the plot's shorter side (clamped to 2..40)
     */
    void paint(PixelPass p, Viewport v, LatentSpaceModel space, int k, int side, Theme theme, long now) {
        Codec codec = space.getCodec();
        Dataset d = space.getDisplay();
        if (p.live()) {
            deferred = false;
        }
        if (codec == null || d == null || k < 2 || codec.inputSize() != d.dimension()
                || space.position().size() != k) {
            return;
        }
        int dx = Math.min(space.dimXProperty().get(), k - 1);
        int dy = Math.min(space.dimYProperty().get(), k - 1);
        int cells = Math.max(2, Math.min(40, side));
        double cellPx = Math.min(v.plotWidth(), v.plotHeight()) / cells;
        int cols = Math.max(1, (int) Math.floor(v.plotWidth() / cellPx));
        int rows = Math.max(1, (int) Math.floor(v.plotHeight() / cellPx));
        float[] pos = space.position().toArray(new float[k]);
        Tag wanted = new Tag(v.x0(), v.x1(), v.y0(), v.y1(), cols, rows, dx, dy, codec, pos);
        if (p.live() && !wanted.equals(lastRequested)) {
            // At most one request per interval; one held back goes out at a later redraw (see needsRedraw).
            deferred = now - requestedAt <= REQUEST_INTERVAL_NANOS;
            if (!deferred) {
                grid.request(new GridDecoder.Request(codec, cellCodes(wanted, k), cols * rows, wanted));
                lastRequested = wanted;
                requestedAt = now;
            }
        }
        GridDecoder.Result res = grid.result();
        if (res == null || !(res.request().tag() instanceof Tag tag) || tag.dx() != dx || tag.dy() != dy
                || res.request().codec().inputSize() != d.dimension()) {
            return;
        }
        if (p.live()) {
            drawnVersion = res.version();
        }
        draw(p, v, res.images(), tag, d.rows(), d.cols(), theme.manifoldInk());
    }

    /** The code at the centre of every cell, row by row from the top: the position with the shown dims replaced. */
    private static float[] cellCodes(Tag t, int k) {
        float[] codes = new float[t.cols() * t.rows() * k];
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
                int o = (r * t.cols() + c) * k;
                System.arraycopy(t.position(), 0, codes, o, k);
                codes[o + t.dx()] = (float) (t.x0() + (c + 0.5) / t.cols() * (t.x1() - t.x0()));
                codes[o + t.dy()] = (float) (t.y1() - (r + 0.5) / t.rows() * (t.y1() - t.y0()));
            }
        }
        return codes;
    }

    /** Each decoded image stretched over its cell (at the region it was made for), a pixel's gap between cells. */
    private static void draw(PixelPass p, Viewport v, float[] images, Tag tag, int imageRows, int imageCols,
                             int ink) {
        double s = p.scale();
        int dim = imageRows * imageCols;
        int gap = (int) Math.round(s);
        for (int r = 0; r < tag.rows(); r++) {
            for (int c = 0; c < tag.cols(); c++) {
                double cx0 = tag.x0() + (double) c / tag.cols() * (tag.x1() - tag.x0());
                double cx1 = tag.x0() + (double) (c + 1) / tag.cols() * (tag.x1() - tag.x0());
                double cy0 = tag.y1() - (double) r / tag.rows() * (tag.y1() - tag.y0());
                double cy1 = tag.y1() - (double) (r + 1) / tag.rows() * (tag.y1() - tag.y0());
                int px0 = (int) Math.round(v.screenX(cx0) * s);
                int px1 = (int) Math.round(v.screenX(cx1) * s);
                int py0 = (int) Math.round(v.screenY(cy0) * s);
                int py1 = (int) Math.round(v.screenY(cy1) * s);
                p.canvas().stretched(images, (r * tag.cols() + c) * dim, imageRows, imageCols, px0 + gap, py0 + gap,
                        Math.max(1, px1 - px0 - 2 * gap), Math.max(1, py1 - py0 - 2 * gap), ink, INK_ALPHA);
            }
        }
    }

    @Override
    public void close() {
        grid.close();
    }
}
