package latentlab.ui.embeddings;

import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.Theme;

/**
 * Labelled horizontal bars of accuracies on a 0–100% scale, the best one's value in bold, so a class compares a
 * few numbers at a glance. Drawn on a canvas that follows the width it is given.
 */
public final class AccuracyBars extends Region {
    /**
     * One bar.
     *
     * @param label    its name, left of the bar
     * @param accuracy in [0, 1]
     * @param colour   its colour in the light theme
     * @param dark     its colour in the dark theme
     */
    public record Bar(String label, double accuracy, Color colour, Color dark) {
    }

    private static final double BAR_ROW = 26;
    private static final double AXIS = 16;

    private final Canvas canvas = new Canvas();
    private final Appearance appearance;
    private List<Bar> bars = List.of();
    private String emptyMessage = "";

    public AccuracyBars(Appearance appearance) {
        this.appearance = appearance;
        getStyleClass().add("accuracy-bars");
        getChildren().add(canvas);
        appearance.themeProperty().addListener(o -> draw());
        appearance.scaleProperty().addListener(o -> {
            requestLayout();
            draw();
        });
        setMinWidth(160);
        setMaxWidth(Double.MAX_VALUE);
    }

    /** Shows these bars (empty: the empty message). */
    public void setBars(List<Bar> b) {
        bars = List.copyOf(b);
        requestLayout();
        draw();
    }

    /** The bars shown (tests read them). */
    public List<Bar> bars() {
        return bars;
    }

    /** What is shown while there are no bars. */
    public void setEmptyMessage(String message) {
        emptyMessage = message;
        draw();
    }

    private double scale() {
        return appearance.scaleProperty().get();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 320;
    }

    @Override
    protected double computePrefHeight(double width) {
        return (Math.max(3, bars.size()) * BAR_ROW + AXIS) * scale();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
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
        if (w < 60 || h < 20) {
            return;
        }
        Theme theme = appearance.getTheme();
        boolean dark = theme == Theme.DARK;
        double s = scale();
        Font font = Font.font("DejaVu Sans", 11.5 * s);
        Font bold = Font.font("DejaVu Sans", FontWeight.BOLD, 11.5 * s);
        Font small = Font.font("DejaVu Sans", 10 * s);
        if (bars.isEmpty()) {
            g.setFont(font);
            g.setFill(theme.axisText());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyMessage, w / 2, h / 2);
            return;
        }
        Text measure = new Text();
        measure.setFont(font);
        double labelWidth = 0;
        for (Bar b : bars) {
            measure.setText(b.label());
            labelWidth = Math.max(labelWidth, measure.getLayoutBounds().getWidth());
        }
        measure.setFont(bold);
        measure.setText("100.0%");
        double valueWidth = measure.getLayoutBounds().getWidth() + 6 * s;
        double left = Math.ceil(labelWidth + 8 * s);
        double plot = w - left - valueWidth;
        if (plot < 20) {
            return;
        }
        double row = BAR_ROW * s;
        double top = 0;
        double bottom = bars.size() * row;
        // Grid at every quarter, labelled below: the bars are read against a fixed 0–100% scale.
        g.setLineWidth(1);
        g.setFont(small);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        measure.setFont(small);
        measure.setText("100%");
        boolean everyQuarter = plot / 4 > measure.getLayoutBounds().getWidth() + 6 * s;
        for (int q = 0; q <= 4; q++) {
            double x = Math.round(left + plot * q / 4.0) + 0.5;
            g.setStroke(q == 0 ? theme.frame() : Theme.color(theme.gridLine()));
            g.strokeLine(x, top, x, bottom);
            if (everyQuarter || q % 2 == 0) {
                g.setFill(theme.tick());
                g.fillText(q * 25 + "%", x, bottom + 2 * s);
            }
        }
        double best = bars.stream().mapToDouble(Bar::accuracy).max().orElse(0);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = top + i * row;
            double a = Math.max(0, Math.min(1, b.accuracy()));
            boolean isBest = b.accuracy() == best;
            g.setFont(font);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(theme.axisText());
            g.fillText(b.label(), left - 6 * s, y + row / 2);
            g.setFill(dark ? b.dark() : b.colour());
            double barHeight = row * 0.62;
            g.fillRect(left + 1, y + (row - barHeight) / 2, plot * a, barHeight);
            g.setFont(isBest ? bold : font);
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(isBest ? theme.strong() : theme.axisText());
            g.fillText(String.format(Locale.ROOT, "%.1f%%", 100 * b.accuracy()), left + plot * a + 5 * s,
                    y + row / 2);
        }
    }
}
