package latentlab.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * A row of small images (neighbours, filmstrips, galleries), each with an optional caption and tooltip, drawn
 * crisply in the theme's digit colours; an image with an action is clickable. Wraps onto more lines when the row
 * is narrower than the images.
 */
public final class ImageRow extends FlowPane {
    /**
     * One image.
     *
     * @param pixels  intensities in [0, 1], row-major
     * @param rows    image height
     * @param cols    image width
     * @param caption text under it (may be empty)
     * @param tooltip shown on hover (may be empty)
     * @param onClick run when clicked (null: not clickable)
     */
    public record Item(float[] pixels, int rows, int cols, String caption, String tooltip, Runnable onClick) {
    }

    private final Appearance appearance;
    private final int size;
    private List<Item> items = List.of();

    /**
     * @param size about how many screen pixels each image's longer side takes (a whole multiple of its pixels)
     */
    public ImageRow(Appearance appearance, int size) {
        super(6, 6);
        this.appearance = appearance;
        this.size = size;
        getStyleClass().add("image-row");
        setAlignment(Pos.TOP_LEFT);
        appearance.themeProperty().addListener(o -> rebuild());
    }

    /** Shows these images (replacing the previous ones). */
    public void show(List<Item> newItems) {
        items = List.copyOf(newItems);
        rebuild();
    }

    /** The images shown. */
    public List<Item> items() {
        return items;
    }

    private void rebuild() {
        List<javafx.scene.Node> nodes = new ArrayList<>();
        DigitImages digits = DigitImages.of(appearance.getTheme());
        for (Item it : items) {
            int scale = Math.max(1, size / Math.max(it.rows(), it.cols()));
            WritableImage img = new WritableImage(it.cols() * scale, it.rows() * scale);
            digits.render(it.pixels(), 0, it.rows(), it.cols(), scale, img, new int[it.cols() * scale * it.rows() * scale]);
            ImageView v = new ImageView(img);
            v.setSmooth(false);
            VBox box = new VBox(1, v);
            box.setAlignment(Pos.TOP_CENTER);
            box.getStyleClass().add("thumbnail-tile");
            if (!it.caption().isEmpty()) {
                Label l = new Label(it.caption());
                l.getStyleClass().add("muted");
                l.setMaxWidth(Math.max(size, 56));
                box.getChildren().add(l);
            }
            if (!it.tooltip().isEmpty()) {
                Tooltip.install(box, new Tooltip(it.tooltip()));
            }
            if (it.onClick() != null) {
                box.setCursor(Cursor.HAND);
                box.setOnMouseClicked(e -> it.onClick().run());
            }
            nodes.add(box);
        }
        getChildren().setAll(nodes);
    }
}
