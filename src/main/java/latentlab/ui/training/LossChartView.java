package latentlab.ui.training;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import latentlab.train.LossTrace;
import latentlab.train.Snapshot;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.NiceTicks;
import latentlab.ui.common.Theme;

/**
 * The live loss chart: the loss of every minibatch (averaged per pixel column, with a smoothed line) and the test
 * loss after every epoch, both per image, against epochs. Drawn on a canvas from the snapshot's arrays, so tens of
 * thousands of batches cost one pass per redraw. Lines are clipped at the plot's edges (a steep start leaves the
 * top of the plot rather than running flat along it); the key wraps to a second line when the chart is narrow, and
 * the axis title sits under the tick labels, off the curves.
 */
public final class LossChartView extends Region {
    /** Smallest left margin; it widens for longer tick labels (huge losses, larger text). */
    private static final double MIN_LEFT = 46;
    /** The left margin of the current drawing: room for the widest tick label of the loss axis. */
    private double left = MIN_LEFT;
    /** Height of the tick labels' row under the plot, and of the axis title's row under them (at scale 1). */
    private static final double TICKS = 18;
    private static final double TITLE = 14;
    /** Height of one line of the key above the plot (at scale 1). */
    private static final double KEY_LINE = 18;
    /** The top margin of the current drawing: one or two lines of key. */
    private double top = KEY_LINE + 4;
    private static final double RIGHT_PLAIN = 8;
    private static final double RIGHT_KL = 40;
    private final Canvas canvas = new Canvas();
    private final Appearance appearance;
    private Snapshot snapshot;
    private final ObjectProperty<LossOverlay> overlay = new SimpleObjectProperty<>(this, "overlay");

    public LossChartView(Appearance appearance) {
        this.appearance = appearance;
        overlay.addListener(o -> draw());
        appearance.themeProperty().addListener(o -> draw());
        appearance.scaleProperty().addListener(o -> draw());
        getStyleClass().add("loss-chart");
        getChildren().add(canvas);
        setMinHeight(120);
        setPrefHeight(170);
        setPrefWidth(240);
        setMaxWidth(Double.MAX_VALUE);
        widthProperty().addListener(o -> draw());
        heightProperty().addListener(o -> draw());
    }

    /** Shows a snapshot's losses. */
    public void show(Snapshot s) {
        this.snapshot = s;
        draw();
    }

    /** Another run's loss curve drawn over this one's (dashed, in its own colour, named in the key), or null. */
    public ObjectProperty<LossOverlay> overlayProperty() {
        return overlay;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        Theme theme = appearance.getTheme();
        boolean dark = theme == Theme.DARK;
        double scale = appearance.scaleProperty().get();
        g.setFont(Font.font("DejaVu Sans", 10.5 * scale));
        Snapshot s = snapshot;
        boolean kl = s != null && s.klLosses() != null && s.klLosses().length() > 0;
        double right = kl ? RIGHT_KL : RIGHT_PLAIN;
        left = s == null ? MIN_LEFT : leftMargin(g.getFont(), s.batchLosses());
        double pw = w - left - right;
        LossOverlay other = overlay.get();
        List<KeyItem> key = key(dark, kl, other);
        double[] keyX = new double[key.size()];
        int[] keyLine = new int[key.size()];
        int keyLines = layoutKey(g.getFont(), key, left + 4, left + pw, keyX, keyLine);
        top = keyLines * KEY_LINE * scale + 4;
        double ph = h - top - (TICKS + TITLE) * scale;
        if (pw < 20 || ph < 20) {
            return;
        }
        g.setStroke(theme.frame());
        g.strokeRect(left + 0.5, top + 0.5, pw - 1, ph - 1);
        LossSeries data = LossSeries.of(s, (int) Math.max(1, pw), other);
        if (data == null) {
            g.setFill(theme.axisText());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("The loss appears here once training starts", left + pw / 2, top + ph / 2);
            return;
        }
        double xMin = data.xMin();
        double xMax = data.xMax();
        double lo = data.low();
        double hi = data.high();
        double yStep = NiceTicks.step(lo, hi, 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : NiceTicks.ticks(lo, hi, 4)) {
            double y = top + (hi - t) / (hi - lo) * ph;
            g.setStroke(Theme.color(theme.gridLine()));
            g.strokeLine(left + 1, Math.round(y) + 0.5, left + pw - 1, Math.round(y) + 0.5);
            g.setFill(theme.axisText());
            g.fillText(NiceTicks.label(t, yStep), left - 5, y);
        }
        double xStep = NiceTicks.step(xMin, xMax, Math.max(2, (int) (pw / 70)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : NiceTicks.ticks(xMin, xMax, Math.max(2, (int) (pw / 70)))) {
            double x = left + (t - xMin) / (xMax - xMin) * pw;
            g.fillText(NiceTicks.label(t, xStep), x, top + ph + 4);
        }
        // The axis title under the tick labels, off the curves (which end at the plot's lower right).
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("epochs", left + pw / 2, h - 1);
        g.save();
        g.beginPath();
        g.rect(left, top, pw, ph);
        g.clip();
        // Batch losses, averaged per column, then the smoothed line over them.
        g.setStroke((dark ? Color.web("#4f6a9e") : Color.web("#9db4e8")));
        g.setLineWidth(1);
        line(g, data.batchMean(), lo, hi, ph);
        g.setStroke(key.get(0).colour());
        g.setLineWidth(2);
        line(g, data.smoothed(), lo, hi, ph);
        if (data.other() != null) {
            // The other run: dashed, so that it stays apart from this run's line in any colour vision.
            g.setStroke(key.get(key.size() - 1).colour());
            g.setLineWidth(appearance.presenterProperty().get() ? 3 : 2);
            g.setLineDashes(7 * scale, 4 * scale);
            line(g, data.other(), lo, hi, ph);
            g.setLineDashes((double[]) null);
        }
        // Test loss after each epoch.
        g.setStroke(key.get(1).colour());
        g.setFill(key.get(1).colour());
        g.setLineWidth(2);
        double px = Double.NaN;
        double py = Double.NaN;
        for (int i = 0; i < data.epochAt().length; i++) {
            double x = left + (data.epochAt()[i] - xMin) / (xMax - xMin) * pw;
            double y = top + (hi - data.testLoss()[i]) / (hi - lo) * ph;
            if (!Double.isNaN(px)) {
                g.strokeLine(px, py, x, y);
            }
            g.fillOval(x - 3.5, y - 3.5, 7, 7);
            px = x;
            py = y;
        }
        if (data.hasKl()) {
            g.setStroke(KL_COLOUR);
            g.setLineWidth(1.5);
            line(g, data.klMean(), 0, data.klHigh(), ph);
        }
        g.restore();
        if (data.hasKl()) {
            klAxis(g, data, pw, ph);
        }
        drawKey(g, theme, key, keyX, keyLine, scale);
    }

    /** An entry of the key: a line or a dot in a colour, and what it stands for. */
    private record KeyItem(String text, Color colour, boolean dot, boolean dashed) {
        KeyItem(String text, Color colour, boolean dot) {
            this(text, colour, dot, false);
        }
    }

    /** The key; with another run, this run's name first and the other's (dashed) last. */
    private static List<KeyItem> key(boolean dark, boolean kl, LossOverlay other) {
        List<KeyItem> items = new ArrayList<>();
        items.add(new KeyItem(other == null ? "training batches" : other.current() + " batches", dark
                ? Color.web("#7aa7ff") : Color.web("#3355cc"), false));
        items.add(new KeyItem("test set, per epoch", dark ? Color.web("#ffa560") : Color.web("#d55e00"), true));
        if (kl) {
            items.add(new KeyItem("KL (right)", KL_COLOUR, false));
        }
        if (other != null) {
            items.add(new KeyItem(other.other() + " batches", dark ? Color.web("#f28ad6") : Color.web("#a2267f"),
                    false, true));
        }
        return items;
    }

    /**
     * Places the key's items left to right from {@code x0}, starting a new line when an item would pass
     * {@code x1}: each item's x and line (from 0) go to {@code xs} and {@code lines}; returns how many lines.
     */
    private static int layoutKey(Font font, List<KeyItem> key, double x0, double x1, double[] xs, int[] lines) {
        Text measure = new Text();
        measure.setFont(font);
        int line = 0;
        double x = x0;
        for (int i = 0; i < key.size(); i++) {
            measure.setText(key.get(i).text());
            double width = 18 + measure.getLayoutBounds().getWidth();
            if (i > 0 && x + width > x1) {
                line++;
                x = x0;
            }
            xs[i] = x;
            lines[i] = line;
            x += width + 14;
        }
        return line + 1;
    }

    private void drawKey(GraphicsContext g, Theme theme, List<KeyItem> key, double[] xs, int[] lines, double scale) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < key.size(); i++) {
            double x = xs[i];
            double y = (lines[i] + 0.5) * KEY_LINE * scale + 1;
            KeyItem item = key.get(i);
            g.setFill(item.colour());
            if (item.dot()) {
                g.fillOval(x + 3, y - 3.5, 7, 7);
            } else if (item.dashed()) {
                g.fillRect(x, y - 1.5, 6, 3);
                g.fillRect(x + 9, y - 1.5, 5, 3);
            } else {
                g.fillRect(x, y - 1.5, 14, 3);
            }
            g.setFill(theme.strong());
            g.fillText(item.text(), x + 18, y);
        }
    }

    /** A line through the columns' values (NaN: no point), from {@code low} to {@code high} (the caller clips). */
    private void line(GraphicsContext g, double[] values, double low, double high, double ph) {
        g.beginPath();
        boolean started = false;
        for (int c = 0; c < values.length; c++) {
            if (Double.isNaN(values[c])) {
                continue;
            }
            double y = top + (high - values[c]) / (high - low) * ph;
            if (!started) {
                g.moveTo(left + c, y);
                started = true;
            } else {
                g.lineTo(left + c, y);
            }
        }
        g.stroke();
    }

    private static final Color KL_COLOUR = Color.web("#2a9d5c");

    /** Room for the widest label the loss axis can get for this history (its range, unbinned, padded by 8%). */
    static double leftMargin(Font font, LossTrace.View v) {
        if (v.length() == 0) {
            return MIN_LEFT;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length(); i++) {
            if (Float.isFinite(v.value(i))) {
                lo = Math.min(lo, v.value(i));
                hi = Math.max(hi, v.value(i));
            }
        }
        if (!(hi > lo)) {
            return MIN_LEFT;
        }
        double pad = (hi - lo) * 0.08;
        double step = NiceTicks.step(lo - pad, hi + pad, 4);
        Text probe = new Text();
        probe.setFont(font);
        double widest = 0;
        for (double t : NiceTicks.ticks(lo - pad, hi + pad, 4)) {
            probe.setText(NiceTicks.label(t, step));
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return Math.max(MIN_LEFT, Math.ceil(widest) + 9);
    }

    /** The tick labels of the VAE's KL term's own axis, at the right (its line is drawn with the others). */
    private void klAxis(GraphicsContext g, LossSeries data, double pw, double ph) {
        double hi = data.klHigh();
        double step = NiceTicks.step(0, hi, 4);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(KL_COLOUR);
        for (double t : NiceTicks.ticks(0, hi, 4)) {
            double y = top + (hi - t) / hi * ph;
            g.fillText(NiceTicks.label(t, step), left + pw + 4, y);
        }
    }
}
