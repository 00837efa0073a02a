package latentlab.ui.embeddings;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import latentlab.embed.Brush;
import latentlab.embed.Corruption;
import latentlab.embed.DigitFraming;
import latentlab.embed.DrawingCanvas;
import latentlab.math.Rng;
import latentlab.ui.common.Changes;

/**
 * The drawing pad's state: a {@link DrawingCanvas}, the brush, undo, tools that damage the drawing on purpose
 * (noise, masking, covering a part, each from the pad's own seeded generator), and "Centre like MNIST", which frames
 * the drawing as MNIST framed its digits ({@link DigitFraming}) before it is encoded. No display needed.
 *
 * <p>Edits made directly on {@link #canvas()} are noticed by {@link #sync()} (the pad's view calls it every frame);
 * the pad's own edits sync at once. Whoever encodes watches {@link #revisionProperty()} and reads
 * {@link #encodedImage()}.
 */
public final class DrawingPad {
    /** How many edits Undo can take back. */
    public static final int UNDO_LEVELS = 20;
    /** Standard deviation of "Add noise", for pixels in [0, 1]. */
    public static final double NOISE_SIGMA = 0.25;
    /** Probability with which "Mask pixels" switches each pixel off. */
    public static final double MASK_PROBABILITY = 0.25;
    /** Seed of the pad's noise: every new pad damages a drawing the same way, press after press. */
    public static final long NOISE_SEED = 1;

    /** The parts "Cover" can blank out. */
    public enum Part {
        TOP_HALF("Top half"), BOTTOM_HALF("Bottom half"), LEFT_HALF("Left half"), RIGHT_HALF("Right half"),
        CENTRE("Centre block");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        /** The name in the menu. */
        public String label() {
            return label;
        }

        /** {top, left, height, width} of the part on a rows x cols image; the centre block is half of each side. */
        public int[] rectangle(int rows, int cols) {
            return switch (this) {
                case TOP_HALF -> new int[] {0, 0, rows / 2, cols};
                case BOTTOM_HALF -> new int[] {rows / 2, 0, rows - rows / 2, cols};
                case LEFT_HALF -> new int[] {0, 0, rows, cols / 2};
                case RIGHT_HALF -> new int[] {0, cols / 2, rows, cols - cols / 2};
                case CENTRE -> new int[] {rows / 4, cols / 4, rows - 2 * (rows / 4), cols - 2 * (cols / 4)};
            };
        }
    }

    private final DrawingCanvas canvas;
    private final int rows;
    private final int cols;
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyLongWrapper pixelsRevision = new ReadOnlyLongWrapper(this, "pixelsRevision");
    private final ReadOnlyBooleanWrapper undoAvailable = new ReadOnlyBooleanWrapper(this, "undoAvailable");
    private final ReadOnlyObjectWrapper<float[]> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final BooleanProperty centre = new SimpleBooleanProperty(this, "centre", true);
    private final DoubleProperty brushSize = new SimpleDoubleProperty(this, "brushSize", Brush.MNIST_LIKE.radius());
    private final DoubleProperty softness = new SimpleDoubleProperty(this, "softness", Brush.MNIST_LIKE.softness());
    private final Deque<float[]> undo = new ArrayDeque<>();
    private final Rng noise = new Rng(NOISE_SEED);
    private long seenCanvasRevision = -1;
    private float[] framed;
    private long framedAt = -1;
    private float[] strokeStart;

    /** A pad for images of {@code rows x cols} pixels (28 x 28 for MNIST), with the MNIST-like brush. */
    public DrawingPad(int rows, int cols) {
        this.canvas = new DrawingCanvas(rows, cols);
        this.rows = rows;
        this.cols = cols;
        Changes.onAny(() -> {
            revision.set(revision.get() + 1);
            refreshPreview();
        }, centre);
        sync();
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The drawing itself; edits made on it directly are picked up by {@link #sync()} (not undoable). */
    public DrawingCanvas canvas() {
        return canvas;
    }

    /** Increases with every change of the drawing and of "Centre like MNIST": time to encode again. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Increases with every change of the drawing's pixels: time to draw it again. */
    public ReadOnlyLongProperty pixelsRevisionProperty() {
        return pixelsRevision.getReadOnlyProperty();
    }

    /** Whether "Centre like MNIST" frames the drawing before it is encoded (on by default). */
    public BooleanProperty centreProperty() {
        return centre;
    }

    /** Radius of the brush in image pixels. */
    public DoubleProperty brushSizeProperty() {
        return brushSize;
    }

    /** 0: a hard-edged disc; 1: a soft dot that fades out from its centre. */
    public DoubleProperty softnessProperty() {
        return softness;
    }

    /** Whether there is an edit to undo. */
    public ReadOnlyBooleanProperty undoAvailableProperty() {
        return undoAvailable.getReadOnlyProperty();
    }

    /** What is encoded when framing changes the drawing (so nobody wonders why the code moved), else null. */
    public ReadOnlyObjectProperty<float[]> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** A copy of the drawing as it is, rows x cols intensities in [0, 1]. */
    public float[] image() {
        sync();
        return canvas.toImage();
    }

    /** What to encode: the drawing framed like MNIST if "Centre like MNIST" is on, else as it is (a copy). */
    public float[] encodedImage() {
        sync();
        return centre.get() ? framed().clone() : canvas.toImage();
    }

    /**
     * Loads an image (e.g. a digit of the data set) to edit, as an undoable edit. Turns "Centre like MNIST" off:
     * data set digits are framed already, and framing them again would blur them (it resamples every pixel), so
     * the image is encoded exactly as loaded and its code is its dot on the map.
     *
     * @param pixels01 rows x cols intensities, clamped to [0, 1]
     */
    public void setImage(float[] pixels01) {
        centre.set(false);
        edit(() -> canvas.setImage(pixels01));
    }

    /** The brush the size and softness describe. */
    public Brush brush() {
        return new Brush(brushSize.get(), softness.get());
    }

    /** Sets the brush's size and softness. */
    public void setBrush(Brush b) {
        brushSize.set(b.radius());
        softness.set(b.softness());
    }

    /** Empties the pad (undoable). */
    public void clear() {
        edit(canvas::clear);
    }

    /** Takes back the last stroke or tool; does nothing when there is none. */
    public void undo() {
        float[] before = undo.pollLast();
        if (before != null) {
            canvas.setImage(before);
            undoAvailable.set(!undo.isEmpty());
            sync();
        }
    }

    /** Adds Gaussian noise of standard deviation {@link #NOISE_SIGMA}, from the pad's own seeded generator. */
    public void addNoise() {
        edit(() -> canvas.corrupt(Corruption.gaussian(NOISE_SIGMA), noise));
    }

    /** Switches each pixel off with probability {@link #MASK_PROBABILITY}, from the pad's seeded generator. */
    public void maskPixels() {
        edit(() -> canvas.corrupt(Corruption.masking(MASK_PROBABILITY), noise));
    }

    /** Blanks a part of the drawing. */
    public void cover(Part part) {
        int[] r = part.rectangle(rows, cols);
        edit(() -> canvas.occlude(r[0], r[1], r[2], r[3]));
    }

    /** Starts a stroke with the brush at image point (x, y) (x along columns), painting or erasing. */
    public void beginStroke(double x, double y, boolean erase) {
        strokeStart = canvas.toImage();
        if (erase) {
            canvas.erase(x, y, brush());
        } else {
            canvas.paint(x, y, brush());
        }
        sync();
    }

    /** Continues the stroke along a segment: however fast the mouse moves, the stroke has no gaps. */
    public void continueStroke(double x0, double y0, double x1, double y1, boolean erase) {
        if (erase) {
            canvas.erase(x0, y0, x1, y1, brush());
        } else {
            canvas.stroke(x0, y0, x1, y1, brush());
        }
        sync();
    }

    /** Ends the stroke: one undoable edit. */
    public void endStroke() {
        if (strokeStart != null) {
            remember(strokeStart);
            strokeStart = null;
        }
    }

    /** Runs an edit and keeps the image before it for Undo, if the edit changed anything. */
    private void edit(Runnable change) {
        float[] before = canvas.toImage();
        change.run();
        remember(before);
        sync();
    }

    private void remember(float[] before) {
        if (Arrays.equals(before, canvas.toImage())) {
            return;
        }
        if (undo.size() == UNDO_LEVELS) {
            undo.pollFirst();
        }
        undo.addLast(before);
        undoAvailable.set(true);
    }

    /** Counts a new revision if the canvas changed since last time (also after edits made on it directly). */
    public void sync() {
        long r = canvas.revision();
        if (r == seenCanvasRevision) {
            return;
        }
        seenCanvasRevision = r;
        revision.set(revision.get() + 1);
        pixelsRevision.set(pixelsRevision.get() + 1);
        refreshPreview();
    }

    /** The framed drawing, computed once per canvas revision. */
    private float[] framed() {
        if (framedAt != canvas.revision()) {
            framed = DigitFraming.frame(canvas.toImage(), rows, cols);
            framedAt = canvas.revision();
        }
        return framed;
    }

    private void refreshPreview() {
        boolean show = centre.get() && !Arrays.equals(framed(), canvas.toImage());
        preview.set(show ? framed() : null);
    }
}
