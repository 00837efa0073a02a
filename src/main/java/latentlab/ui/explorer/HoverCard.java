package latentlab.ui.explorer;

import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import latentlab.data.ClassNames;
import latentlab.data.Dataset;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.DigitImages;

/**
 * The card beside the cursor over a point: the image (enlarged three times when small), its label and index, and
 * up to six coordinates of its code. It stays inside the map, flipping to the cursor's other side at an edge.
 */
final class HoverCard extends VBox {
    private final ImageView image = new ImageView();
    private final Label text = new Label();
    private final LatentSpaceModel space;
    private final Appearance appearance;
    private final String axisPrefix;

    HoverCard(LatentSpaceModel space, Appearance appearance, String axisPrefix) {
        super(4);
        this.space = space;
        this.appearance = appearance;
        this.axisPrefix = axisPrefix;
        getStyleClass().add("scatter-tip");
        setMouseTransparent(true);
        setVisible(false);
        image.setSmooth(false);
        getChildren().addAll(image, text);
    }

    /** What the card says about display image {@code i} with code {@code code}. */
    static String describe(Dataset d, int i, float[] code, String axisPrefix) {
        ClassNames names = d.classNames();
        StringBuilder s = new StringBuilder(names.capitalNoun()).append(" ").append(names.name(d.label(i)))
                .append("  ·  image #").append(i);
        for (int j = 0; j < Math.min(code.length, 6); j++) {
            s.append(j % 2 == 0 ? "\n" : "    ").append(axisPrefix).append(j + 1).append(" = ")
                    .append(String.format("%.3f", code[j]));
        }
        if (code.length > 6) {
            s.append("\n… (k = ").append(code.length).append(")");
        }
        return s.toString();
    }

    /**
     * Shows the card for image {@code i} (hides it for -1) near the cursor at (x, y) in a map of the given size.
     */
    void show(int i, double x, double y, double mapWidth, double mapHeight) {
        Dataset d = space.getDisplay();
        float[] code = space.codeOf(i);
        if (i < 0 || d == null || code == null) {
            setVisible(false);
            return;
        }
        byte[] img = new byte[d.dimension()];
        d.copyRaw(i, img, 0);
        int scale = d.rows() <= 32 ? 3 : 1;
        image.setImage(DigitImages.of(appearance.getTheme()).render(img, 0, d.rows(), d.cols(), scale));
        text.setText(describe(d, i, code, axisPrefix));
        setVisible(true);
        applyCss();
        autosize();
        double tx = x + 16;
        double ty = y + 16;
        if (tx + getWidth() > mapWidth) {
            tx = x - getWidth() - 12;
        }
        if (ty + getHeight() > mapHeight) {
            ty = y - getHeight() - 12;
        }
        relocate(Math.max(0, tx), Math.max(0, ty));
    }

    void hide() {
        setVisible(false);
    }
}
