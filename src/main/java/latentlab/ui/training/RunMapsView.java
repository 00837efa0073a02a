package latentlab.ui.training;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.ColourScale;
import latentlab.ui.common.Theme;

/**
 * Two runs' maps side by side at the same step ({@link RunComparison#mapsProperty()}): each a scatter of the test
 * images' codes in the dimensions the map shows, coloured by class, fitted to its own codes (the middle 98% of
 * each axis), with its run, step and moment above it. Shown in the map's place while the comparison asks for it.
 */
public final class RunMapsView extends HBox {
    private final RunComparison vm;
    private final Appearance look;
    private final ReadOnlyIntegerProperty dimX;
    private final ReadOnlyIntegerProperty dimY;
    private final Canvas left = new Canvas();
    private final Canvas right = new Canvas();

    public RunMapsView(RunComparison vm, ReadOnlyIntegerProperty dimX, ReadOnlyIntegerProperty dimY,
                       Appearance look) {
        this.vm = vm;
        this.look = look;
        this.dimX = dimX;
        this.dimY = dimY;
        getStyleClass().add("run-maps");
        setId("run-maps");
        setSpacing(8);
        setPadding(new Insets(6));
        for (Canvas c : new Canvas[] {left, right}) {
            Pane holder = new Pane(c);
            holder.setMinSize(0, 0);
            c.widthProperty().bind(holder.widthProperty());
            c.heightProperty().bind(holder.heightProperty());
            c.widthProperty().addListener(o -> draw());
            c.heightProperty().addListener(o -> draw());
            HBox.setHgrow(holder, Priority.ALWAYS);
            holder.setPrefWidth(100);
            getChildren().add(holder);
        }
        visibleProperty().bind(vm.mapsProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        vm.mapsProperty().addListener(o -> draw());
        dimX.addListener(o -> draw());
        dimY.addListener(o -> draw());
        look.themeProperty().addListener(o -> draw());
        look.scaleProperty().addListener(o -> draw());
    }

    private void draw() {
        RunComparison.Pair p = vm.mapsProperty().get();
        Theme theme = look.getTheme();
        setStyle("-fx-background-color: " + web(theme.plotBackground()) + ";");
        if (p == null) {
            return;
        }
        draw(left, p.left(), p.labels(), theme);
        draw(right, p.right(), p.labels(), theme);
    }

    private void draw(Canvas c, RunComparison.Side side, int[] labels, Theme theme) {
        GraphicsContext g = c.getGraphicsContext2D();
        double w = c.getWidth();
        double h = c.getHeight();
        g.clearRect(0, 0, w, h);
        double scale = look.scaleProperty().get();
        double titleH = 22 * scale;
        if (w < 40 || h < titleH + 40) {
            return;
        }
        g.setFill(Theme.color(theme.plotBackground()));
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font("DejaVu Sans", 12 * scale));
        g.setFill(theme.strong());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(side.title(), w / 2, titleH / 2, w - 8);
        double top = titleH + 4;
        double ph = h - top - 4;
        double pw = w - 8;
        g.setStroke(theme.frame());
        g.setLineWidth(1);
        g.strokeRect(4.5, top + 0.5, pw - 1, ph - 1);
        int k = side.k();
        int dx = Math.min(k - 1, Math.max(0, dimX.get()));
        int dy = Math.min(k - 1, Math.max(0, dimY.get()));
        int n = side.codes().length / k;
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = side.codes()[i * k + dx];
            ys[i] = side.codes()[i * k + dy];
        }
        double[] bx = range(xs);
        double[] by = range(ys);
        double r = Math.max(1.5, 2 * scale);
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(xs[i]) || !Float.isFinite(ys[i])) {
                continue;
            }
            double x = 4 + (xs[i] - bx[0]) / (bx[1] - bx[0]) * pw;
            double y = top + (by[1] - ys[i]) / (by[1] - by[0]) * ph;
            if (x < 4 || x > 4 + pw || y < top || y > top + ph) {
                continue;
            }
            int label = labels != null && i < labels.length ? labels[i] : 0;
            g.setFill(Theme.color(theme.classColour(label)).deriveColor(0, 1, 1, 0.7));
            g.fillRect(x - r / 2, y - r / 2, r, r);
        }
    }

    /** The middle 98% of the values, padded by 6% each side. */
    private static double[] range(float[] v) {
        double lo = ColourScale.percentile(v, ColourScale.LOW_PERCENTILE);
        double hi = ColourScale.percentile(v, ColourScale.HIGH_PERCENTILE);
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            lo = -1;
            hi = 1;
        } else if (!(hi > lo)) {
            lo -= 1;
            hi += 1;
        }
        double pad = (hi - lo) * 0.06;
        return new double[] {lo - pad, hi + pad};
    }

    private static String web(int rgb) {
        return String.format("#%06x", rgb & 0xFFFFFF);
    }
}
