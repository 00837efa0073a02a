package latentlab.ui.explorer;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import latentlab.data.Dataset;
import latentlab.nn.Codec;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.DecodedImageView;
import latentlab.ui.common.DigitImages;
import latentlab.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The decoder side of the explorer: one slider per latent dimension a1 ... ak (ranged from the codes, each with a
 * histogram of the codes along it), the decoded image h(a) updating while a slider moves, "snap to selection"
 * with original | reconstruction | decode side by side, and a traversal strip that varies one dimension with the
 * others fixed — the notes' way of finding out what a latent dimension means.
 */
public final class LatentSlidersView extends VBox {
    private static final int TRAVERSAL_STEPS = 9;

    private final LatentSpaceModel model;
    private final String axisPrefix;
    private final Appearance appearance;
    private DigitImages digits;
    private final DecodedImageView decoded;
    private final VBox rows = new VBox(6);
    private final ScrollPane sliderScroll = new ScrollPane();
    private final List<Slider> sliders = new ArrayList<>();
    private final List<Label> values = new ArrayList<>();
    private final List<HistogramView> histograms = new ArrayList<>();
    private final Label decodedCaption = new Label();
    private final Button snap;
    private final HBox triple = new HBox(8);
    private final DecodedImageView original;
    private final DecodedImageView reconstruction;
    private final DecodedImageView current;
    private final Label reconstructionError = new Label();
    private final ComboBox<String> traverseDim = new ComboBox<>();
    private final HBox strip = new HBox(2);
    private final List<DecodedImageView> stripImages = new ArrayList<>();
    private final Label stripCaption = new Label();
    private float[] out = new float[0];
    private boolean updating;
    private long lastDecodeNanos;
    private Region stripHost;

    public LatentSlidersView(LatentSpaceModel model, String axisPrefix, Appearance appearance) {
        this(model, axisPrefix, appearance, false);
    }

    /**
     * @param wide a landscape layout for short, wide places: a smaller decoded image beside the sliders and the
     *             traversal, without the selected-image row (the PCA comparison shows that itself)
     */
    public LatentSlidersView(LatentSpaceModel model, String axisPrefix, Appearance appearance, boolean wide) {
        this.model = model;
        this.axisPrefix = axisPrefix;
        this.appearance = appearance;
        this.digits = DigitImages.of(appearance.getTheme());
        decoded = new DecodedImageView(digits, wide ? 168 : 252);
        original = new DecodedImageView(digits, 84);
        reconstruction = new DecodedImageView(digits, 84);
        current = new DecodedImageView(digits, 84);
        appearance.themeProperty().addListener((o, a, b) -> {
            digits = DigitImages.of(b);
            for (DecodedImageView v : new DecodedImageView[] {decoded, original, reconstruction, current}) {
                v.setDigits(digits);
            }
            stripImages.forEach(v -> v.setDigits(digits));
            histograms.forEach(h -> h.setTheme(b));
        });
        getStyleClass().add("latent-sliders");
        setSpacing(10);

        Label title = new Label("Decoder h(a)");
        title.getStyleClass().add("card-title");
        decodedCaption.getStyleClass().add("muted");
        StackPane imageBox = new StackPane(decoded);
        imageBox.getStyleClass().add("image-frame");
        imageBox.setMaxWidth(Region.USE_PREF_SIZE);

        snap = Icons.button(MaterialDesignC.CROSSHAIRS_GPS, "Snap to selection",
                "Set the sliders to the code of the selected image (click an image in the map first)");
        snap.setOnAction(e -> model.snapToSelection());
        snap.disableProperty().bind(model.selection().selectedProperty().lessThan(0));
        Button centre = Icons.button(MaterialDesignT.TARGET, "Centre", "Put every slider in the middle of its range");
        centre.setOnAction(e -> centre());
        HBox buttons = new HBox(6, snap, centre);

        Label slidersTitle = new Label("Latent sliders");
        slidersTitle.getStyleClass().add("section-title");
        ScrollPane scroll = sliderScroll;
        scroll.setContent(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("sliders-scroll");
        // As tall as its sliders: the side panel scrolls, never a second scroll bar inside it.
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFitToHeight(true);
        VBox.setVgrow(scroll, Priority.SOMETIMES);

        Label tripleTitle = new Label("Selected image");
        tripleTitle.getStyleClass().add("section-title");
        triple.getChildren().addAll(captioned(original, "original"), captioned(reconstruction, "reconstruction"),
                captioned(current, "sliders"));
        VBox tripleBox = new VBox(4, tripleTitle, triple, reconstructionError);
        tripleBox.visibleProperty().bind(model.selection().selectedProperty().greaterThanOrEqualTo(0));
        tripleBox.managedProperty().bind(tripleBox.visibleProperty());

        Label stripTitle = new Label("Traversal");
        stripTitle.getStyleClass().add("section-title");
        traverseDim.setTooltip(new Tooltip("Which dimension to vary across its range, the others fixed at the sliders"));
        traverseDim.valueProperty().addListener((o, a, b) -> refreshStrip());
        HBox stripHead = new HBox(8, stripTitle, traverseDim);
        stripHead.setAlignment(Pos.CENTER_LEFT);
        stripCaption.getStyleClass().add("muted");
        stripCaption.setWrapText(true);
        stripCaption.setMinHeight(Region.USE_PREF_SIZE); // all its lines, not one line and "…"
        // The strip's images are sized from the panel's width: the strip must not claim width itself, or once the
        // panel grew (presenter mode) the images would hold it at that width.
        strip.setMinWidth(0);
        strip.setPrefWidth(0);

        if (wide) {
            VBox image = new VBox(8, title, imageBox, decodedCaption, buttons);
            image.setMinWidth(Region.USE_PREF_SIZE);
            VBox controls = new VBox(8, slidersTitle, scroll, stripHead, strip, stripCaption);
            HBox.setHgrow(controls, Priority.ALWAYS);
            stripHost = controls;
            HBox row = new HBox(16, image, controls);
            getChildren().add(row);
        } else {
            stripHost = this;
            getChildren().addAll(title, imageBox, decodedCaption, buttons, slidersTitle, scroll, tripleBox, stripHead,
                    strip, stripCaption);
        }
        setPadding(new Insets(0));

        model.latentSizeProperty().addListener((o, a, b) -> rebuild());
        model.codesProperty().addListener((o, a, b) -> modelChanged());
        model.codecProperty().addListener((o, a, b) -> {
            // A new snapshot of the network: redraw what it decodes, keep the ranges.
            decode();
            refreshStrip();
            refreshTriple();
        });
        model.position().addListener((arr, changed, from, to) -> positionChanged());
        model.selection().selectedProperty().addListener((o, a, b) -> refreshTriple());
        rebuild();
    }

    private static VBox captioned(ImageView v, String caption) {
        Label l = new Label(caption);
        l.getStyleClass().add("muted");
        VBox b = new VBox(2, v, l);
        b.setAlignment(Pos.CENTER);
        return b;
    }

    /** The big decoded image (tests read its pixels). */
    public DecodedImageView decodedImage() {
        return decoded;
    }

    /** The slider of dimension {@code j}. */
    public Slider slider(int j) {
        return sliders.get(j);
    }

    /** Nanoseconds the last decode-and-draw took. */
    public long lastDecodeNanos() {
        return lastDecodeNanos;
    }

    private void rebuild() {
        rows.getChildren().clear();
        sliders.clear();
        values.clear();
        histograms.clear();
        int k = model.getLatentSize();
        List<String> dims = new ArrayList<>();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(0);
        for (int j = 0; j < k; j++) {
            final int dim = j;
            Label name = new Label(axisPrefix + (j + 1));
            name.getStyleClass().add("slider-name");
            Slider s = new Slider(model.low(j), model.high(j), model.position().size() > j ? model.position().get(j) : 0);
            s.setId("latent-slider-" + j);
            s.setTooltip(new Tooltip("Move " + axisPrefix + (j + 1) + " and watch the decoder's output; the bars show "
                    + "where the codes of the test images lie along this dimension"));
            HBox.setHgrow(s, Priority.ALWAYS);
            Label value = new Label();
            value.getStyleClass().add("slider-value");
            value.setMinWidth(58);
            HistogramView hist = new HistogramView(150, 16);
            hist.setTheme(appearance.getTheme());
            s.valueProperty().addListener((o, a, b) -> {
                if (!updating) {
                    model.setPosition(dim, b.floatValue());
                }
            });
            s.widthProperty().addListener((o, a, b) -> hist.setWidth(Math.max(40, b.doubleValue() - 14)));
            // The histogram follows the slider's width; in a pane that claims no width of its own, or after the text
            // grew once (presenter mode) the canvas would hold the column at its larger width for good.
            javafx.scene.layout.Pane histBox = new javafx.scene.layout.Pane(hist);
            histBox.setMinWidth(0);
            histBox.setPrefWidth(0);
            VBox sliderAndHist = new VBox(0, s, histBox);
            sliderAndHist.setPadding(new Insets(0, 0, 4, 0));
            GridPane.setHgrow(sliderAndHist, Priority.ALWAYS);
            hist.setTranslateX(7);
            grid.addRow(j, name, sliderAndHist, value);
            sliders.add(s);
            values.add(value);
            histograms.add(hist);
            dims.add(axisPrefix + (j + 1));
        }
        rows.getChildren().add(grid);
        String keep = traverseDim.getValue();
        traverseDim.getItems().setAll(dims);
        traverseDim.setValue(dims.contains(keep) ? keep : dims.isEmpty() ? null : dims.get(0));
        modelChanged();
    }

    private void modelChanged() {
        int k = model.getLatentSize();
        if (sliders.size() != k) {
            return;
        }
        updating = true;
        try {
            for (int j = 0; j < k; j++) {
                Slider s = sliders.get(j);
                if (!s.isValueChanging()) {
                    double v = model.position().size() > j ? model.position().get(j) : s.getValue();
                    s.setMin(Math.min(model.low(j), v));
                    s.setMax(Math.max(model.high(j), v));
                    s.setValue(v);
                }
                histograms.get(j).setData(model.histogram(j), sliders.get(j).getMin(), sliders.get(j).getMax());
            }
        } finally {
            updating = false;
        }
        positionChanged();
        refreshTriple();
    }

    private void positionChanged() {
        int k = model.getLatentSize();
        if (sliders.size() != k || model.position().size() != k) {
            return;
        }
        updating = true;
        try {
            for (int j = 0; j < k; j++) {
                float v = model.position().get(j);
                Slider s = sliders.get(j);
                if (v < s.getMin()) {
                    s.setMin(v);
                }
                if (v > s.getMax()) {
                    s.setMax(v);
                }
                if (s.getValue() != v) {
                    s.setValue(v);
                }
                values.get(j).setText(String.format("%+.3f", v));
                histograms.get(j).setValue(v);
            }
        } finally {
            updating = false;
        }
        decode();
        refreshStrip();
    }

    private void decode() {
        long t0 = System.nanoTime();
        Codec c = model.getCodec();
        Dataset d = model.getDisplay();
        if (c == null || d == null || c.inputSize() != d.dimension()) {
            return;
        }
        if (out.length != c.inputSize()) {
            out = new float[c.inputSize()];
        }
        if (model.decodePosition(out)) {
            decoded.show(out, 0, d.rows(), d.cols());
            current.show(out, 0, d.rows(), d.cols());
            StringBuilder s = new StringBuilder("h(");
            for (int j = 0; j < Math.min(4, model.position().size()); j++) {
                s.append(j > 0 ? ", " : "").append(String.format("%.2f", model.position().get(j)));
            }
            s.append(model.position().size() > 4 ? ", …)" : ")");
            decodedCaption.setText(s.toString());
        }
        lastDecodeNanos = System.nanoTime() - t0;
    }

    private void refreshTriple() {
        Reconstruction r = model.reconstructionOf(model.selection().getSelected());
        Dataset d = model.getDisplay();
        if (r == null) {
            return;
        }
        original.show(r.original(), 0, d.rows(), d.cols());
        reconstruction.show(r.reconstruction(), 0, d.rows(), d.cols());
        reconstructionError.setText(String.format("Image #%d, %s: squared error %.2f", r.image(),
                d.classNames().named() ? d.classNames().name(r.label()) : "label " + r.label(), r.squaredError()));
    }

    private void refreshStrip() {
        Dataset d = model.getDisplay();
        int j = traverseDim.getSelectionModel().getSelectedIndex();
        if (j < 0 || j >= sliders.size()) {
            return;
        }
        double lo = sliders.get(j).getMin();
        double hi = sliders.get(j).getMax();
        float[] imgs = model.traversal(j, lo, hi, TRAVERSAL_STEPS);
        if (imgs == null) {
            return;
        }
        if (stripImages.size() != TRAVERSAL_STEPS) {
            strip.getChildren().clear();
            stripImages.clear();
            for (int s = 0; s < TRAVERSAL_STEPS; s++) {
                DecodedImageView v = new DecodedImageView(digits, 56);
                // Nearest-neighbour scaling to share the panel's width between the steps.
                v.fitWidthProperty().bind(stripHost.widthProperty().subtract(2 * (TRAVERSAL_STEPS - 1)).divide(TRAVERSAL_STEPS));
                v.setPreserveRatio(true);
                stripImages.add(v);
                strip.getChildren().add(v);
            }
        }
        int dim = d.dimension();
        for (int s = 0; s < TRAVERSAL_STEPS; s++) {
            stripImages.get(s).show(imgs, s * dim, d.rows(), d.cols());
        }
        stripCaption.setText(String.format("%s%d from %.2f to %.2f, other dimensions at the sliders", axisPrefix, j + 1,
                lo, hi));
    }

    private void centre() {
        model.centre();
    }
}
