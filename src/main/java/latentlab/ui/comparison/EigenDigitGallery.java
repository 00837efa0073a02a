package latentlab.ui.comparison;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import latentlab.pca.PcaModel;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.DigitImages;
import latentlab.ui.common.DivergingScale;
import latentlab.ui.common.Theme;

/**
 * The mean image and the first principal components drawn as images ("eigen-digits"): each component in a signed
 * colour map (blue below zero, red above, scaled to its own largest |value|), captioned with the share of the
 * variance it explains. Adding a multiple of a component to the mean moves an image along that axis.
 */
public final class EigenDigitGallery extends FlowPane {
    private static final int SCALE = 3;
    private final Appearance appearance;
    private final int count;
    private PcaModel model;
    private int rows;
    private int cols;

    /**
     * @param count how many components to show after the mean
     */
    public EigenDigitGallery(Appearance appearance, int count) {
        this.appearance = appearance;
        this.count = count;
        setHgap(10);
        setVgap(10);
        getStyleClass().add("eigen-gallery");
        appearance.themeProperty().addListener(o -> rebuild());
    }

    /** Shows a fit's mean and components for images of {@code rows x cols}; null clears. */
    public void show(PcaModel m, int rows, int cols) {
        this.model = m;
        this.rows = rows;
        this.cols = cols;
        rebuild();
    }

    /** The number of tiles shown (mean included). */
    public int tileCount() {
        return getChildren().size();
    }

    private void rebuild() {
        getChildren().clear();
        PcaModel m = model;
        if (m == null || rows * cols != m.dimension()) {
            return;
        }
        Theme theme = appearance.getTheme();
        DigitImages digits = DigitImages.of(theme);
        float[] mean = m.mean();
        WritableImage meanImg = new WritableImage(cols * SCALE, rows * SCALE);
        digits.render(mean, 0, rows, cols, SCALE, meanImg, new int[cols * SCALE * rows * SCALE]);
        getChildren().add(tile(meanImg, "mean", "The average training image: every reconstruction starts here"));
        DivergingScale scale = new DivergingScale(theme.paper(), theme == Theme.DARK);
        int n = Math.min(count, m.dimension());
        int[] buf = new int[cols * SCALE * rows * SCALE];
        for (int j = 0; j < n; j++) {
            float[] v = m.component(j);
            scale.render(v, 0, rows, cols, SCALE, DivergingScale.maxAbs(v, 0, v.length), buf);
            WritableImage img = new WritableImage(cols * SCALE, rows * SCALE);
            img.getPixelWriter().setPixels(0, 0, cols * SCALE, rows * SCALE, PixelFormat.getIntArgbInstance(), buf, 0,
                    cols * SCALE);
            getChildren().add(tile(img, String.format("PC%d · %.1f%%", j + 1, 100 * m.explainedVarianceRatio(j)),
                    String.format("Principal component %d: red pixels grow and blue ones fade as PC%d increases; "
                            + "it explains %.1f%% of the variance (%.1f%% with the ones before it)", j + 1, j + 1,
                            100 * m.explainedVarianceRatio(j), 100 * m.explainedVariance(j + 1))));
        }
    }

    private static VBox tile(WritableImage img, String caption, String tip) {
        ImageView v = new ImageView(img);
        v.setSmooth(false);
        Label l = new Label(caption);
        l.getStyleClass().add("muted");
        VBox b = new VBox(2, v, l);
        b.setAlignment(Pos.CENTER);
        b.getStyleClass().add("eigen-tile");
        Tooltip.install(b, new Tooltip(tip));
        return b;
    }
}
