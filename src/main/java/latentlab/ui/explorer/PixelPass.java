package latentlab.ui.explorer;

import latentlab.ui.common.PixelCanvas;

/**
 * One drawing of the map's pixel layer: the canvas, the points' coordinates in its pixels, its scale against the
 * view's layout (1 on screen, 2 for a 2x export) and whether it is the live view (which keeps the bookkeeping for
 * picking and tests, and asks for new manifold grids).
 */
record PixelPass(PixelCanvas canvas, float[] xs, float[] ys, double scale, boolean live) {
}
