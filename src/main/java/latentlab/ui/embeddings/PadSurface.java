package latentlab.ui.embeddings;

import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.Changes;
import latentlab.ui.common.DigitImages;
import latentlab.ui.common.Theme;

/**
 * The drawing pad's enlarged pixels: whole-pixel blocks (no smoothing, so a student sees the pixels the network
 * sees), a faint grid and a frame, resized to the largest whole number of screen pixels per image pixel that fits.
 * The left button draws; the right button or Shift + drag erases; the brush's outline follows the pointer.
 */
final class PadSurface extends Region {
    /** Opacity of the pixel grid, drawn in the ink colour so it shows on paper and vanishes in ink. */
    private static final double GRID_OPACITY = 0.09;

    private enum Mode { NONE, PAINT, ERASE }

    private final DrawingPad pad;
    private final Appearance appearance;
    private final int rows;
    private final int cols;
    private final Canvas pixels = new Canvas();
    private final Circle brushOutline = new Circle();
    private WritableImage image;
    private int[] buffer;
    private int cell;
    private double originX;
    private double originY;
    private Mode mode = Mode.NONE;
    private MouseButton strokeButton;
    private double lastX;
    private double lastY;
    private double pointerX = Double.NaN;
    private double pointerY;
    private long redraws;

    /**
     * @param size screen pixels of the longer side at the preferred size
     */
    PadSurface(DrawingPad pad, Appearance appearance, int size) {
        this.pad = pad;
        this.appearance = appearance;
        this.rows = pad.rows();
        this.cols = pad.cols();
        this.cell = Math.max(1, size / Math.max(rows, cols));
        getStyleClass().add("drawing-surface");
        setId("pad-surface");
        setCursor(Cursor.CROSSHAIR);
        setFocusTraversable(true);
        brushOutline.setManaged(false);
        brushOutline.setMouseTransparent(true);
        brushOutline.setFill(null);
        brushOutline.setStrokeWidth(1.2);
        brushOutline.setVisible(false);
        brushOutline.getStyleClass().add("brush-outline");
        getChildren().addAll(pixels, brushOutline);
        setPrefSize(cols * cell, rows * cell);
        setMinSize(cols * 2, rows * 2);
        setMaxWidth(Double.MAX_VALUE);
        setMaxHeight(Region.USE_PREF_SIZE);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointer(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            pointerX = Double.NaN;
            showBrush();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        Changes.onAny(this::redraw, pad.pixelsRevisionProperty(), appearance.themeProperty());
        Changes.onAny(this::showBrush, pad.brushSizeProperty());
    }

    /** Screen pixels per image pixel, as drawn now. */
    int cellSize() {
        return cell;
    }

    /** How often the pixels were drawn. */
    long redraws() {
        return redraws;
    }

    /** Where image point (x, y) (x along columns, in image pixels) is on the screen. */
    Point2D screenPoint(double x, double y) {
        return localToScreen(originX + x * cell, originY + y * cell);
    }

    @Override
    protected void layoutChildren() {
        int c = (int) Math.max(1, Math.floor(Math.min(getWidth() / cols, getHeight() / rows)));
        originX = Math.floor((getWidth() - c * cols) / 2);
        originY = Math.floor((getHeight() - c * rows) / 2);
        pixels.relocate(originX, originY);
        if (c != cell || image == null) {
            cell = c;
            pixels.setWidth(cols * c);
            pixels.setHeight(rows * c);
            image = new WritableImage(cols * c, rows * c);
            buffer = new int[cols * c * rows * c];
            redraw();
        }
    }

    private void redraw() {
        if (image == null) {
            return; // drawn at the first layout
        }
        Theme theme = appearance.getTheme();
        DigitImages.of(theme).render(pad.canvas().toImage(), 0, rows, cols, cell, image, buffer);
        GraphicsContext g = pixels.getGraphicsContext2D();
        double w = cols * cell;
        double h = rows * cell;
        g.drawImage(image, 0, 0);
        if (cell >= 4) {
            g.setStroke(Theme.color(theme.ink()).deriveColor(0, 1, 1, GRID_OPACITY));
            g.setLineWidth(1);
            for (int c = 1; c < cols; c++) {
                g.strokeLine(c * cell + 0.5, 0, c * cell + 0.5, h);
            }
            for (int r = 1; r < rows; r++) {
                g.strokeLine(0, r * cell + 0.5, w, r * cell + 0.5);
            }
        }
        g.setStroke(theme.frame());
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        brushOutline.setStroke(theme == Theme.DARK ? Color.web("#7aa7ff") : Color.web("#3355cc"));
        redraws++;
    }

    private double toX(double localX) {
        return (localX - originX) / cell;
    }

    private double toY(double localY) {
        return (localY - originY) / cell;
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        boolean erase = e.getButton() == MouseButton.SECONDARY
                || (e.getButton() == MouseButton.PRIMARY && e.isShiftDown());
        if (mode != Mode.NONE || !(erase || e.getButton() == MouseButton.PRIMARY)) {
            return;
        }
        mode = erase ? Mode.ERASE : Mode.PAINT;
        strokeButton = e.getButton();
        lastX = toX(e.getX());
        lastY = toY(e.getY());
        pad.beginStroke(lastX, lastY, erase);
        pointer(e.getX(), e.getY());
        e.consume();
    }

    private void dragged(MouseEvent e) {
        pointer(e.getX(), e.getY());
        if (mode == Mode.NONE) {
            return;
        }
        double x = toX(e.getX());
        double y = toY(e.getY());
        pad.continueStroke(lastX, lastY, x, y, mode == Mode.ERASE);
        lastX = x;
        lastY = y;
        e.consume();
    }

    private void released(MouseEvent e) {
        if (mode == Mode.NONE || e.getButton() != strokeButton) {
            return;
        }
        mode = Mode.NONE;
        pad.endStroke();
        e.consume();
    }

    private void key(KeyEvent e) {
        if (e.getCode() == KeyCode.Z && e.isShortcutDown()) {
            pad.undo();
            e.consume();
        } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            pad.clear();
            e.consume();
        }
    }

    private void pointer(double x, double y) {
        pointerX = x;
        pointerY = y;
        showBrush();
    }

    /** The brush's outline under the pointer, so its size is visible before drawing. */
    private void showBrush() {
        boolean inside = !Double.isNaN(pointerX);
        brushOutline.setVisible(inside);
        if (inside) {
            brushOutline.setCenterX(pointerX);
            brushOutline.setCenterY(pointerY);
            brushOutline.setRadius(pad.brushSizeProperty().get() * cell);
        }
    }
}
