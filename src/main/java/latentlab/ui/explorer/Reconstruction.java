package latentlab.ui.explorer;

/**
 * One display image through a model: x, h(g(x)) and the squared error sum_j (x_j - h(g(x))_j)^2. The arrays are
 * never written after construction.
 *
 * @param image          the display image's index
 * @param label          its label
 * @param original       x, intensities in [0, 1]
 * @param reconstruction h(g(x))
 * @param squaredError   the squared error between them
 */
public record Reconstruction(int image, int label, float[] original, float[] reconstruction, double squaredError) {
}
