package latentlab.ui.embeddings;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import latentlab.embed.Brush;
import latentlab.embed.Corruption;
import latentlab.embed.DigitFraming;
import latentlab.embed.DrawingCanvas;
import latentlab.math.Rng;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.DecodedImageView;
import latentlab.ui.common.DigitImages;
import latentlab.ui.common.Icons;
import latentlab.ui.common.Showing;
import latentlab.ui.common.Theme;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * A pad to draw a digit on with the mouse, for encoding: a {@link DrawingCanvas} shown enlarged with whole-pixel
 * blocks (so a student sees the pixels the network sees), a soft MNIST-like brush, an eraser, undo, and tools that
 * damage the drawing on purpose (noise, masking, covering a part) to see whether its code stays with its digit.
 * "Centre like MNIST" frames the drawing as MNIST framed its digits ({@link DigitFraming}) before it is encoded.
 *
 * <p>Whoever encodes watches {@link #revisionProperty()} and reads {@link #encodedImage()}. The pad redraws only
 * when the canvas's revision changes, also after edits made directly on {@link #canvas()} (checked once per frame
 * while the pad is showing).
 */
public final class DrawingPadView extends VBox {
    /** Screen pixels of the pad's longer side: 10 per image pixel for MNIST's 28. */
    static final int PAD_SIZE = 280;
    /** Size of the "as encoded" preview. */
    static final int PREVIEW_SIZE = 56;
    /** How many edits Undo can take back. */
    public static final int UNDO_LEVELS = 20;
    /** Standard deviation of "Add noise", for pixels in [0, 1]. */
    public static final double NOISE_SIGMA = 0.25;
    /** Probability with which "Mask pixels" switches each pixel off. */
    public static final double MASK_PROBABILITY = 0.25;
    /** Seed of the pad's noise: every new pad damages a drawing the same way, press after press. */
    public static final long NOISE_SEED = 1;
    /** Opacity of the pixel grid, drawn in the ink colour so it shows on paper and vanishes in ink. */
    private static final double GRID_OPACITY = 0.09;

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

    private enum Mode { NONE, PAINT, ERASE }

    private final Appearance appearance;
    private final DrawingCanvas canvas;
    private final int rows;
    private final int cols;
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper undoAvailable = new ReadOnlyBooleanWrapper(this, "undoAvailable");
    private final CheckBox centre = new CheckBox("Centre like MNIST");
    private final Slider size = new Slider(0.8, 3, Brush.MNIST_LIKE.radius());
    private final Slider softness = new Slider(0, 1, Brush.MNIST_LIKE.softness());
    private final Deque<float[]> undo = new ArrayDeque<>();
    private final Rng noise = new Rng(NOISE_SEED);
    private final Surface surface;
    private final DecodedImageView preview;
    private final VBox previewBox;
    private long seenCanvasRevision = -1;
    private float[] framed;
    private long framedAt = -1;
    private long redraws;

    /** A pad for images of {@code rows x cols} pixels (28 x 28 for MNIST), with the MNIST-like brush. */
    public DrawingPadView(Appearance appearance, int rows, int cols) {
        this.appearance = appearance;
        this.canvas = new DrawingCanvas(rows, cols);
        this.rows = rows;
        this.cols = cols;
        this.surface = new Surface();
        getStyleClass().add("drawing-pad");
        setSpacing(8);
        setFillWidth(true);

        Label title = new Label("Draw a digit");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Left button draws; right button or Shift + drag erases.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);

        Button undoButton = Icons.button(MaterialDesignU.UNDO, "Undo", "Take back the last stroke or tool (Ctrl+Z)");
        undoButton.setId("pad-undo");
        undoButton.setOnAction(e -> undo());
        undoButton.disableProperty().bind(undoAvailable.not());
        Button clear = Icons.button(MaterialDesignD.DELETE_OUTLINE, "Clear", "Start again on an empty pad (Delete)");
        clear.setId("pad-clear");
        clear.setOnAction(e -> clear());
        Button addNoise = Icons.button(MaterialDesignG.GRAIN, "Add noise", String.format(Locale.ROOT,
                "Add random speckle to every pixel (Gaussian noise, σ = %.2f); press again for more. "
                        + "Does the code stay with its digit?", NOISE_SIGMA));
        addNoise.setId("pad-noise");
        addNoise.setOnAction(e -> addNoise());
        Button mask = Icons.button(MaterialDesignD.DOTS_GRID, "Mask pixels", String.format(Locale.ROOT,
                "Switch off a random %.0f%% of the pixels (masking noise): the drawing gets holes",
                100 * MASK_PROBABILITY));
        mask.setId("pad-mask");
        mask.setOnAction(e -> maskPixels());
        MenuButton cover = new MenuButton("Cover", Icons.icon(MaterialDesignR.RECTANGLE));
        cover.setId("pad-cover");
        for (Part p : Part.values()) {
            MenuItem item = new MenuItem(p.label());
            item.setId("pad-cover-" + p.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setOnAction(e -> cover(p));
            cover.getItems().add(item);
        }
        Icons.tooltip(cover, "Blank out a part of the drawing, as if something lay over it: the top, bottom, left "
                + "or right half, or a block in the middle. What does the autoencoder make of the rest?");
        for (Control b : new Control[] {undoButton, clear, addNoise, mask, cover}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        // Editing and damaging in separate rows; each wraps rather than cutting a label short at large text.
        FlowPane edit = new FlowPane(6, 6, undoButton, clear);
        FlowPane damage = new FlowPane(6, 6, addNoise, mask, cover);
        for (FlowPane f : new FlowPane[] {edit, damage}) {
            f.setPrefWrapLength(PAD_SIZE);
            f.setAlignment(Pos.CENTER_LEFT);
        }

        GridPane brush = new GridPane();
        brush.setHgap(8);
        brush.setVgap(2);
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints sliders = new ColumnConstraints();
        sliders.setHgrow(Priority.ALWAYS);
        sliders.setFillWidth(true);
        brush.getColumnConstraints().addAll(names, sliders, new ColumnConstraints());
        size.setId("pad-brush-size");
        softness.setId("pad-softness");
        Label sizeValue = new Label();
        Label softnessValue = new Label();
        sizeValue.getStyleClass().add("slider-value");
        softnessValue.getStyleClass().add("slider-value");
        sizeValue.textProperty().bind(size.valueProperty().map(v -> String.format(Locale.ROOT, "%.1f px",
                v.doubleValue())));
        softnessValue.textProperty().bind(softness.valueProperty().map(v -> String.format(Locale.ROOT, "%.2f",
                v.doubleValue())));
        Label sizeName = new Label("Brush size");
        Label softnessName = new Label("Softness");
        sizeName.getStyleClass().add("form-label");
        softnessName.getStyleClass().add("form-label");
        size.setTooltip(tip("Radius of the brush in image pixels (MNIST's pen: about 1.6)"));
        softness.setTooltip(tip("0: a hard-edged disc; 1: a soft dot that fades out from its centre. MNIST's strokes "
                + "have soft, anti-aliased edges (about 0.6)"));
        brush.addRow(0, sizeName, size, sizeValue);
        brush.addRow(1, softnessName, softness, softnessValue);
        size.valueProperty().addListener(o -> surface.showBrush());
        for (Slider s : new Slider[] {size, softness}) {
            s.setMaxWidth(Double.MAX_VALUE);
            s.setMinWidth(60);
        }

        centre.setId("pad-centre");
        centre.setSelected(true);
        Icons.tooltip(centre, "MNIST's digits were scaled to fit a 20 × 20 box and centred by their centre of mass. "
                + "With this on, your drawing is framed the same way before it is encoded, so a digit drawn large or "
                + "in a corner still looks like the training images. Loading a digit from the data set turns it "
                + "off: those are framed already.");
        centre.selectedProperty().addListener(o -> {
            revision.set(revision.get() + 1);
            refreshPreview();
        });
        Label centreNote = new Label("Scales the ink into a 20 × 20 box and centres it, as MNIST did.");
        centreNote.getStyleClass().add("muted");
        centreNote.setWrapText(true);
        VBox centreText = new VBox(2, centre, centreNote);
        HBox.setHgrow(centreText, Priority.ALWAYS);
        preview = new DecodedImageView(DigitImages.of(appearance.getTheme()), PREVIEW_SIZE);
        preview.setId("pad-preview");
        preview.show(new float[rows * cols], 0, rows, cols);
        StackPane previewFrame = new StackPane(preview);
        previewFrame.getStyleClass().add("image-frame");
        previewFrame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Label previewCaption = new Label("as encoded");
        previewCaption.getStyleClass().add("muted");
        previewBox = new VBox(2, previewFrame, previewCaption);
        previewBox.setAlignment(Pos.TOP_CENTER);
        previewBox.setMinWidth(Region.USE_PREF_SIZE);
        previewBox.setVisible(false);
        HBox centreRow = new HBox(10, centreText, previewBox);
        centreRow.setAlignment(Pos.TOP_LEFT);

        getChildren().addAll(new VBox(2, title, hint), surface, edit, damage, brush, centreRow);

        appearance.themeProperty().addListener((o, was, now) -> {
            preview.setDigits(DigitImages.of(now));
            surface.redraw();
        });
        // Edits made directly on canvas() show up within a frame; the pad's own edits show at once.
        Showing.drive(this, new AnimationTimer() {
            @Override
            public void handle(long now) {
                sync();
            }
        });
        sync();
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        t.setShowDelay(Duration.millis(400));
        return t;
    }

    /** The drawing itself; edits made on it directly are picked up within a frame (not undoable). */
    public DrawingCanvas canvas() {
        return canvas;
    }

    /** Increases with every change of the drawing and of "Centre like MNIST": time to encode again. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Whether "Centre like MNIST" frames the drawing before it is encoded (on by default). */
    public BooleanProperty centreProperty() {
        return centre.selectedProperty();
    }

    /** Whether there is an edit to undo. */
    public ReadOnlyBooleanProperty undoAvailableProperty() {
        return undoAvailable.getReadOnlyProperty();
    }

    /** A copy of the drawing as it is, rows x cols intensities in [0, 1]. */
    public float[] image() {
        sync();
        return canvas.toImage();
    }

    /** What to encode: the drawing framed like MNIST if "Centre like MNIST" is on, else as it is (a copy). */
    public float[] encodedImage() {
        sync();
        return centre.isSelected() ? framed().clone() : canvas.toImage();
    }

    /**
     * Loads an image (e.g. a digit of the data set) to edit, as an undoable edit. Turns "Centre like MNIST" off:
     * data set digits are framed already, and framing them again would blur them (it resamples every pixel), so
     * the image is encoded exactly as loaded and its code is its dot on the map.
     *
     * @param pixels01 rows x cols intensities, clamped to [0, 1]
     */
    public void setImage(float[] pixels01) {
        centre.setSelected(false);
        edit(() -> canvas.setImage(pixels01));
    }

    /** The brush the sliders describe. */
    public Brush brush() {
        return new Brush(size.getValue(), softness.getValue());
    }

    /** Sets the brush sliders. */
    public void setBrush(Brush b) {
        size.setValue(b.radius());
        softness.setValue(b.softness());
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

    /** Where canvas point (x, y) (x along columns, in image pixels) is on the screen. */
    public Point2D screenPoint(double x, double y) {
        return surface.localToScreen(surface.originX + x * surface.cell, surface.originY + y * surface.cell);
    }

    /** Screen pixels per image pixel, as drawn now. */
    public int cellSize() {
        return surface.cell;
    }

    /** How often the pad was drawn (tests check that it redraws only when the drawing changes). */
    public long redraws() {
        return redraws;
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

    /** Redraws and counts a new revision if the canvas changed since last time. */
    private void sync() {
        long r = canvas.revision();
        if (r == seenCanvasRevision) {
            return;
        }
        seenCanvasRevision = r;
        revision.set(revision.get() + 1);
        surface.redraw();
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

    /** Shows what is encoded when framing changes the drawing, so nobody wonders why the code moved. */
    private void refreshPreview() {
        boolean show = centre.isSelected() && !Arrays.equals(framed(), canvas.toImage());
        if (show) {
            preview.show(framed(), 0, rows, cols);
        }
        previewBox.setVisible(show);
    }

    /**
     * The enlarged pixels: whole-pixel blocks (no smoothing), a faint grid and a frame, resized to the largest
     * whole number of screen pixels per image pixel that fits.
     */
    private final class Surface extends Region {
        private final Canvas pixels = new Canvas();
        private final Circle brushOutline = new Circle();
        private WritableImage image;
        private int[] buffer;
        private int cell = Math.max(1, PAD_SIZE / Math.max(rows, cols));
        private double originX;
        private double originY;
        private Mode mode = Mode.NONE;
        private MouseButton strokeButton;
        private float[] before;
        private double lastX;
        private double lastY;
        private double pointerX = Double.NaN;
        private double pointerY;

        Surface() {
            getStyleClass().add("drawing-surface");
            setId("pad-surface");
            setCursor(Cursor.CROSSHAIR);
            setFocusTraversable(true);
            brushOutline.setManaged(false);
            brushOutline.setMouseTransparent(true);
            brushOutline.setFill(null);
            brushOutline.setStrokeWidth(1.2);
            brushOutline.setVisible(false);
            brushOutline.getStyleClass().add("brush-outline");
            getChildren().addAll(pixels, brushOutline);
            int base = Math.max(1, PAD_SIZE / Math.max(rows, cols));
            setPrefSize(cols * base, rows * base);
            setMinSize(cols * 2, rows * 2);
            setMaxWidth(Double.MAX_VALUE);
            setMaxHeight(Region.USE_PREF_SIZE);
            addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
            addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
            addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
            addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointer(e.getX(), e.getY()));
            addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
                pointerX = Double.NaN;
                showBrush();
            });
            addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        }

        @Override
        protected void layoutChildren() {
            int c = (int) Math.max(1, Math.floor(Math.min(getWidth() / cols, getHeight() / rows)));
            originX = Math.floor((getWidth() - c * cols) / 2);
            originY = Math.floor((getHeight() - c * rows) / 2);
            pixels.relocate(originX, originY);
            if (c != cell || image == null) {
                cell = c;
                pixels.setWidth(cols * c);
                pixels.setHeight(rows * c);
                image = new WritableImage(cols * c, rows * c);
                buffer = new int[cols * c * rows * c];
                redraw();
            }
        }

        void redraw() {
            if (image == null) {
                return; // drawn at the first layout
            }
            Theme theme = appearance.getTheme();
            float[] px = canvas.toImage();
            DigitImages.of(theme).render(px, 0, rows, cols, cell, image, buffer);
            GraphicsContext g = pixels.getGraphicsContext2D();
            double w = cols * cell;
            double h = rows * cell;
            g.drawImage(image, 0, 0);
            if (cell >= 4) {
                g.setStroke(Theme.color(theme.ink()).deriveColor(0, 1, 1, GRID_OPACITY));
                g.setLineWidth(1);
                for (int c = 1; c < cols; c++) {
                    g.strokeLine(c * cell + 0.5, 0, c * cell + 0.5, h);
                }
                for (int r = 1; r < rows; r++) {
                    g.strokeLine(0, r * cell + 0.5, w, r * cell + 0.5);
                }
            }
            g.setStroke(theme.frame());
            g.strokeRect(0.5, 0.5, w - 1, h - 1);
            brushOutline.setStroke(theme == Theme.DARK ? Color.web("#7aa7ff") : Color.web("#3355cc"));
            redraws++;
        }

        private double toX(double localX) {
            return (localX - originX) / cell;
        }

        private double toY(double localY) {
            return (localY - originY) / cell;
        }

        private void pressed(MouseEvent e) {
            requestFocus();
            boolean erase = e.getButton() == MouseButton.SECONDARY
                    || (e.getButton() == MouseButton.PRIMARY && e.isShiftDown());
            if (mode != Mode.NONE || !(erase || e.getButton() == MouseButton.PRIMARY)) {
                return;
            }
            mode = erase ? Mode.ERASE : Mode.PAINT;
            strokeButton = e.getButton();
            before = canvas.toImage();
            lastX = toX(e.getX());
            lastY = toY(e.getY());
            if (mode == Mode.PAINT) {
                canvas.paint(lastX, lastY, brush());
            } else {
                canvas.erase(lastX, lastY, brush());
            }
            sync();
            pointer(e.getX(), e.getY());
            e.consume();
        }

        private void dragged(MouseEvent e) {
            pointer(e.getX(), e.getY());
            if (mode == Mode.NONE) {
                return;
            }
            double x = toX(e.getX());
            double y = toY(e.getY());
            // One segment per mouse event: however fast the mouse moves, the stroke has no gaps.
            if (mode == Mode.PAINT) {
                canvas.stroke(lastX, lastY, x, y, brush());
            } else {
                canvas.erase(lastX, lastY, x, y, brush());
            }
            lastX = x;
            lastY = y;
            sync();
            e.consume();
        }

        private void released(MouseEvent e) {
            if (mode == Mode.NONE || e.getButton() != strokeButton) {
                return;
            }
            mode = Mode.NONE;
            remember(before);
            before = null;
            e.consume();
        }

        private void key(KeyEvent e) {
            if (e.getCode() == KeyCode.Z && e.isShortcutDown()) {
                undo();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                clear();
                e.consume();
            }
        }

        private void pointer(double x, double y) {
            pointerX = x;
            pointerY = y;
            showBrush();
        }

        /** The brush's outline under the pointer, so its size is visible before drawing. */
        void showBrush() {
            boolean inside = !Double.isNaN(pointerX);
            brushOutline.setVisible(inside);
            if (inside) {
                brushOutline.setCenterX(pointerX);
                brushOutline.setCenterY(pointerY);
                brushOutline.setRadius(size.getValue() * cell);
            }
        }
    }
}
