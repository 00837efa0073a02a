package latentlab.ui.common;

import java.util.function.IntConsumer;

import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import latentlab.data.Dataset;

/**
 * A row of test images, each captioned with a number (e.g. its reconstruction error); clicking one selects it.
 * Used for the "worst reconstructed" galleries.
 */
public final class ThumbnailStrip extends HBox {
    private static final int SCALE = 2;
    private final Appearance appearance;
    private final IntConsumer onPick;
    private Dataset data;
    private int[] indices = new int[0];
    private float[] values;
    private String format = "%.1f";

    /**
     * @param onPick called with the index of the clicked image
     */
    public ThumbnailStrip(Appearance appearance, IntConsumer onPick) {
        super(6);
        this.appearance = appearance;
        this.onPick = onPick;
        getStyleClass().add("thumbnail-strip");
        setAlignment(Pos.CENTER_LEFT);
        appearance.themeProperty().addListener(o -> rebuild());
    }

    /** Shows images {@code indices} of {@code data}, captioned with {@code values[index]} in {@code format}. */
    public void show(Dataset data, int[] indices, float[] values, String format) {
        this.data = data;
        this.indices = indices == null ? new int[0] : indices.clone();
        this.values = values;
        this.format = format;
        rebuild();
    }

    /** The image indices shown, in order. */
    public int[] indices() {
        return indices.clone();
    }

    private void rebuild() {
        getChildren().clear();
        if (data == null) {
            return;
        }
        DigitImages digits = DigitImages.of(appearance.getTheme());
        byte[] raw = new byte[data.dimension()];
        for (int i : indices) {
            data.copyRaw(i, raw, 0);
            ImageView v = new ImageView(digits.render(raw, 0, data.rows(), data.cols(), SCALE));
            v.setSmooth(false);
            Label l = new Label(values == null ? "#" + i : String.format(format, values[i]));
            l.getStyleClass().add("muted");
            VBox b = new VBox(1, v, l);
            b.setAlignment(Pos.CENTER);
            b.getStyleClass().add("thumbnail-tile");
            b.setCursor(Cursor.HAND);
            Tooltip.install(b, new Tooltip("Test image #" + i + " (" + data.classNames().noun() + " "
                    + data.classNames().name(data.label(i)) + "): click to select it"));
            b.setOnMouseClicked(e -> onPick.accept(i));
            getChildren().add(b);
        }
    }
}
