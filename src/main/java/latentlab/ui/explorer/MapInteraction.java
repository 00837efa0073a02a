package latentlab.ui.explorer;

import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * What the mouse does on a latent map. Hovering shows the point's card; a click selects the point under it (and
 * moves the sliders to its code) or, on empty ground, moves the crosshair there; dragging the crosshair moves the
 * sliders, dragging elsewhere pans; the wheel zooms about the cursor (by e^(-0.0025 delta)); a double click fits
 * the view to the codes again. A press that moves less than 3 pixels is a click, not a drag.
 */
final class MapInteraction {
    private static final double DRAG_THRESHOLD = 3;
    /** How near the crosshair's centre a press grabs it, in pixels. */
    private static final double CROSSHAIR_GRAB = 10;
    private static final double WHEEL_ZOOM = 0.0025;

    private final LatentScatterView view;
    private final Viewport viewport;
    private final PointCache points;
    private final LatentSpaceModel space;
    private final HoverCard card;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean draggingCrosshair;
    private boolean dragged;

    MapInteraction(LatentScatterView view, Viewport viewport, PointCache points, LatentSpaceModel space,
                   HoverCard card) {
        this.view = view;
        this.viewport = viewport;
        this.points = points;
        this.space = space;
        this.card = card;
    }

    /** Installs the handlers on the view. */
    void install() {
        view.setOnMouseMoved(this::moved);
        view.setOnMouseExited(e -> {
            space.selection().hoveredProperty().set(-1);
            card.hide();
        });
        view.setOnMousePressed(this::pressed);
        view.setOnMouseDragged(this::dragged);
        view.setOnMouseReleased(this::released);
        view.setOnScroll(this::scrolled);
    }

    private void moved(MouseEvent e) {
        int i = view.pick(e.getX(), e.getY());
        space.selection().hoveredProperty().set(i);
        card.show(i, e.getX(), e.getY(), view.getWidth(), view.getHeight());
    }

    private void pressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        lastX = pressX;
        lastY = pressY;
        dragged = false;
        draggingCrosshair = e.getButton() == MouseButton.PRIMARY && nearCrosshair(pressX, pressY);
        view.requestFocus();
    }

    private void dragged(MouseEvent e) {
        if (Math.hypot(e.getX() - pressX, e.getY() - pressY) > DRAG_THRESHOLD) {
            dragged = true;
        }
        if (!dragged) {
            return;
        }
        card.hide();
        if (draggingCrosshair) {
            moveCrosshair(e.getX(), e.getY());
        } else {
            view.pan(e.getX() - lastX, e.getY() - lastY);
        }
        lastX = e.getX();
        lastY = e.getY();
    }

    private void released(MouseEvent e) {
        if (dragged || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (e.getClickCount() == 2) {
            view.fit();
            return;
        }
        int i = view.pick(e.getX(), e.getY());
        if (i >= 0) {
            space.selection().select(i);
            space.snapToSelection();
        } else if (e.getX() >= viewport.plotLeft() && e.getY() <= viewport.plotBottom()) {
            moveCrosshair(e.getX(), e.getY());
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        view.zoom(Math.exp(-e.getDeltaY() * WHEEL_ZOOM), e.getX(), e.getY());
        e.consume();
    }

    private boolean nearCrosshair(double x, double y) {
        int k = points.latentSize();
        if (space.position().size() != k || k < 2) {
            return false;
        }
        int dx = Math.min(space.dimXProperty().get(), k - 1);
        int dy = Math.min(space.dimYProperty().get(), k - 1);
        return Math.hypot(viewport.screenX(space.position().get(dx)) - x,
                viewport.screenY(space.position().get(dy)) - y) <= CROSSHAIR_GRAB;
    }

    /** Moves the sliders of the shown dimensions to the code under (x, y). */
    private void moveCrosshair(double x, double y) {
        int k = points.latentSize();
        if (k < 1 || space.position().size() != k) {
            return;
        }
        space.setPosition(Math.min(space.dimXProperty().get(), k - 1), (float) viewport.codeX(x));
        if (k >= 2) {
            space.setPosition(Math.min(space.dimYProperty().get(), k - 1), (float) viewport.codeY(y));
        }
    }
}
