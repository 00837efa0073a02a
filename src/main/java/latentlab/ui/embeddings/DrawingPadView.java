package latentlab.ui.embeddings;

import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import latentlab.embed.Brush;
import latentlab.embed.DrawingCanvas;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.DecodedImageView;
import latentlab.ui.common.DigitImages;
import latentlab.ui.common.Icons;
import latentlab.ui.common.Showing;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * A pad to draw a digit on with the mouse, for encoding: the enlarged pixels ({@link PadSurface}), Undo and Clear,
 * the tools that damage the drawing (noise, masking, covering a part), the brush's size and softness, and "Centre
 * like MNIST" with a preview of what is encoded when framing changes the drawing. The state is a
 * {@link DrawingPad}; this view lays it out and binds it. While showing, it picks up edits made directly on
 * {@link #canvas()} once per frame.
 */
public final class DrawingPadView extends VBox {
    /** Screen pixels of the pad's longer side: 10 per image pixel for MNIST's 28. */
    static final int PAD_SIZE = 280;
    /** Size of the "as encoded" preview. */
    static final int PREVIEW_SIZE = 56;

    private final DrawingPad pad;
    private final PadSurface surface;

    /** A pad for images of {@code rows x cols} pixels (28 x 28 for MNIST), with the MNIST-like brush. */
    public DrawingPadView(Appearance appearance, int rows, int cols) {
        this.pad = new DrawingPad(rows, cols);
        this.surface = new PadSurface(pad, appearance, PAD_SIZE);
        getStyleClass().add("drawing-pad");
        setSpacing(8);
        setFillWidth(true);

        Label title = new Label("Draw a digit");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Left button draws; right button or Shift + drag erases.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        getChildren().addAll(new VBox(2, title, hint), surface, editButtons(), damageButtons(), brushSliders(),
                centreRow(appearance, rows, cols));
        // Edits made directly on canvas() show up within a frame; the pad's own edits show at once.
        Showing.drive(this, new AnimationTimer() {
            @Override
            public void handle(long now) {
                pad.sync();
            }
        });
    }

    private FlowPane editButtons() {
        Button undo = Icons.button(MaterialDesignU.UNDO, "Undo", "Take back the last stroke or tool (Ctrl+Z)");
        undo.setId("pad-undo");
        undo.setOnAction(e -> pad.undo());
        undo.disableProperty().bind(pad.undoAvailableProperty().not());
        Button clear = Icons.button(MaterialDesignD.DELETE_OUTLINE, "Clear", "Start again on an empty pad (Delete)");
        clear.setId("pad-clear");
        clear.setOnAction(e -> pad.clear());
        return flow(undo, clear);
    }

    private FlowPane damageButtons() {
        Button addNoise = Icons.button(MaterialDesignG.GRAIN, "Add noise", String.format(Locale.ROOT,
                "Add random speckle to every pixel (Gaussian noise, σ = %.2f); press again for more. "
                        + "Does the code stay with its digit?", DrawingPad.NOISE_SIGMA));
        addNoise.setId("pad-noise");
        addNoise.setOnAction(e -> pad.addNoise());
        Button mask = Icons.button(MaterialDesignD.DOTS_GRID, "Mask pixels", String.format(Locale.ROOT,
                "Switch off a random %.0f%% of the pixels (masking noise): the drawing gets holes",
                100 * DrawingPad.MASK_PROBABILITY));
        mask.setId("pad-mask");
        mask.setOnAction(e -> pad.maskPixels());
        MenuButton cover = new MenuButton("Cover", Icons.icon(MaterialDesignR.RECTANGLE));
        cover.setId("pad-cover");
        for (DrawingPad.Part p : DrawingPad.Part.values()) {
            MenuItem item = new MenuItem(p.label());
            item.setId("pad-cover-" + p.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setOnAction(e -> pad.cover(p));
            cover.getItems().add(item);
        }
        Icons.tooltip(cover, "Blank out a part of the drawing, as if something lay over it: the top, bottom, left "
                + "or right half, or a block in the middle. What does the autoencoder make of the rest?");
        return flow(addNoise, mask, cover);
    }

    /** A row that wraps rather than cutting a label short at large text. */
    private static FlowPane flow(Control... controls) {
        for (Control c : controls) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane f = new FlowPane(6, 6, controls);
        f.setPrefWrapLength(PAD_SIZE);
        f.setAlignment(Pos.CENTER_LEFT);
        return f;
    }

    private GridPane brushSliders() {
        GridPane brush = new GridPane();
        brush.setHgap(8);
        brush.setVgap(2);
        ColumnConstraints sliders = new ColumnConstraints();
        sliders.setHgrow(Priority.ALWAYS);
        sliders.setFillWidth(true);
        brush.getColumnConstraints().addAll(new ColumnConstraints(), sliders, new ColumnConstraints());
        Slider size = slider(0.8, 3, pad.brushSizeProperty().get(), "pad-brush-size",
                "Radius of the brush in image pixels (MNIST's pen: about 1.6)");
        size.valueProperty().bindBidirectional(pad.brushSizeProperty());
        Slider softness = slider(0, 1, pad.softnessProperty().get(), "pad-softness", "0: a hard-edged disc; 1: a "
                + "soft dot that fades out from its centre. MNIST's strokes have soft, anti-aliased edges (about 0.6)");
        softness.valueProperty().bindBidirectional(pad.softnessProperty());
        brush.addRow(0, formLabel("Brush size"), size, value(size, "%.1f px"));
        brush.addRow(1, formLabel("Softness"), softness, value(softness, "%.2f"));
        return brush;
    }

    private static Slider slider(double min, double max, double value, String id, String tip) {
        Slider s = new Slider(min, max, value);
        s.setId(id);
        s.setTooltip(tooltip(tip));
        s.setMaxWidth(Double.MAX_VALUE);
        s.setMinWidth(60);
        return s;
    }

    private static Label formLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-label");
        return l;
    }

    private static Label value(Slider s, String format) {
        Label l = new Label();
        l.getStyleClass().add("slider-value");
        l.textProperty().bind(s.valueProperty().map(v -> String.format(Locale.ROOT, format, v.doubleValue())));
        return l;
    }

    private HBox centreRow(Appearance appearance, int rows, int cols) {
        CheckBox centre = new CheckBox("Centre like MNIST");
        centre.setId("pad-centre");
        centre.selectedProperty().bindBidirectional(pad.centreProperty());
        Icons.tooltip(centre, "MNIST's digits were scaled to fit a 20 × 20 box and centred by their centre of mass. "
                + "With this on, your drawing is framed the same way before it is encoded, so a digit drawn large or "
                + "in a corner still looks like the training images. Loading a digit from the data set turns it "
                + "off: those are framed already.");
        Label centreNote = new Label("Scales the ink into a 20 × 20 box and centres it, as MNIST did.");
        centreNote.getStyleClass().add("muted");
        centreNote.setWrapText(true);
        VBox centreText = new VBox(2, centre, centreNote);
        HBox.setHgrow(centreText, Priority.ALWAYS);
        DecodedImageView preview = new DecodedImageView(DigitImages.of(appearance.getTheme()), PREVIEW_SIZE);
        preview.setId("pad-preview");
        preview.show(new float[rows * cols], 0, rows, cols);
        appearance.themeProperty().addListener((o, was, now) -> preview.setDigits(DigitImages.of(now)));
        StackPane previewFrame = new StackPane(preview);
        previewFrame.getStyleClass().add("image-frame");
        previewFrame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Label previewCaption = new Label("as encoded");
        previewCaption.getStyleClass().add("muted");
        VBox previewBox = new VBox(2, previewFrame, previewCaption);
        previewBox.setAlignment(Pos.TOP_CENTER);
        previewBox.setMinWidth(Region.USE_PREF_SIZE);
        previewBox.setVisible(pad.previewProperty().get() != null);
        pad.previewProperty().addListener((o, was, framed) -> {
            if (framed != null) {
                preview.show(framed, 0, rows, cols);
            }
            previewBox.setVisible(framed != null);
        });
        HBox row = new HBox(10, centreText, previewBox);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        t.setShowDelay(Duration.millis(400));
        return t;
    }

    /** The pad's state. */
    public DrawingPad pad() {
        return pad;
    }

    /** The drawing itself; edits made on it directly are picked up within a frame (not undoable). */
    public DrawingCanvas canvas() {
        return pad.canvas();
    }

    /** Increases with every change of the drawing and of "Centre like MNIST": time to encode again. */
    public ReadOnlyLongProperty revisionProperty() {
        return pad.revisionProperty();
    }

    /** Whether "Centre like MNIST" frames the drawing before it is encoded (on by default). */
    public BooleanProperty centreProperty() {
        return pad.centreProperty();
    }

    /** Whether there is an edit to undo. */
    public ReadOnlyBooleanProperty undoAvailableProperty() {
        return pad.undoAvailableProperty();
    }

    /** A copy of the drawing as it is, rows x cols intensities in [0, 1]. */
    public float[] image() {
        return pad.image();
    }

    /** What to encode: the drawing framed like MNIST if "Centre like MNIST" is on, else as it is (a copy). */
    public float[] encodedImage() {
        return pad.encodedImage();
    }

    /** Loads an image to edit, as an undoable edit (see {@link DrawingPad#setImage}). */
    public void setImage(float[] pixels01) {
        pad.setImage(pixels01);
    }

    /** The brush the sliders describe. */
    public Brush brush() {
        return pad.brush();
    }

    /** Sets the brush sliders. */
    public void setBrush(Brush b) {
        pad.setBrush(b);
    }

    /** Empties the pad (undoable). */
    public void clear() {
        pad.clear();
    }

    /** Takes back the last stroke or tool. */
    public void undo() {
        pad.undo();
    }

    /** Adds Gaussian noise (see {@link DrawingPad#addNoise}). */
    public void addNoise() {
        pad.addNoise();
    }

    /** Switches pixels off at random (see {@link DrawingPad#maskPixels}). */
    public void maskPixels() {
        pad.maskPixels();
    }

    /** Blanks a part of the drawing. */
    public void cover(DrawingPad.Part part) {
        pad.cover(part);
    }

    /** Where canvas point (x, y) (x along columns, in image pixels) is on the screen. */
    public Point2D screenPoint(double x, double y) {
        return surface.screenPoint(x, y);
    }

    /** Screen pixels per image pixel, as drawn now. */
    public int cellSize() {
        return surface.cellSize();
    }

    /** How often the pad was drawn (tests check that it redraws only when the drawing changes). */
    public long redraws() {
        return surface.redraws();
    }
}
