package latentlab.ui.explorer;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A small histogram of codes along one latent dimension, with the slider's value marked. */
public final class HistogramView extends Canvas {
    private int[] counts = new int[0];
    private double low;
    private double high = 1;
    private double value;
    private latentlab.ui.common.Theme theme = latentlab.ui.common.Theme.LIGHT;

    /** Colours of a theme. */
    public void setTheme(latentlab.ui.common.Theme t) {
        this.theme = t;
        draw();
    }

    public HistogramView(double width, double height) {
        super(width, height);
        getStyleClass().add("histogram");
        // The bars follow the slider's width: redraw at the new width, or they would keep the old one's places.
        widthProperty().addListener(o -> draw());
        heightProperty().addListener(o -> draw());
    }

    /** Sets counts over [low, high] and redraws. */
    public void setData(int[] counts, double low, double high) {
        this.counts = counts;
        this.low = low;
        this.high = high;
        draw();
    }

    /** Moves the marker. */
    public void setValue(double v) {
        this.value = v;
        draw();
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        g.setFill(theme.tick().deriveColor(0, 1, 1, 0.8));
        double bw = w / Math.max(1, counts.length);
        for (int i = 0; i < counts.length; i++) {
            double bh = (h - 1) * counts[i] / max;
            g.fillRect(i * bw, h - bh, Math.max(1, bw - 0.5), bh);
        }
        if (high > low) {
            double x = (value - low) / (high - low) * w;
            g.setStroke(theme == latentlab.ui.common.Theme.DARK ? Color.web("#7aa7ff") : Color.web("#3355cc"));
            g.setLineWidth(2);
            g.strokeLine(x, 0, x, h);
        }
    }
}
