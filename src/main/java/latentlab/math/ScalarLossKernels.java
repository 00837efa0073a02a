package latentlab.math;

/** Plain-Java {@link LossKernels}: the reference for the vectorised ones, and the fallback. */
final class ScalarLossKernels implements LossKernels {

    @Override
    public double bceWithLogits(float[] z, int zOff, float[] x, int xOff, float[] dz, float scale, int len) {
        Shapes.loss("bceWithLogits", z, zOff, x, xOff, dz, len);
        double sum = 0;
        for (int i = 0; i < len; i++) {
            double zi = z[zOff + i];
            double xi = x[xOff + i];
            double e = Math.exp(-Math.abs(zi));
            sum += Math.max(zi, 0) - xi * zi + Math.log1p(e);
            double s = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
            dz[zOff + i] = (float) (scale * (s - xi));
        }
        return sum;
    }

    @Override
    public double squaredError(float[] y, int yOff, float[] x, int xOff, float[] dy, float scale, int len) {
        Shapes.loss("squaredError", y, yOff, x, xOff, dy, len);
        double sum = 0;
        for (int i = 0; i < len; i++) {
            float r = y[yOff + i] - x[xOff + i];
            sum += (double) r * r;
            dy[yOff + i] = scale * 2f * r;
        }
        return sum;
    }

    @Override
    public double sumOfSquares(float[] x, int off, int len) {
        Shapes.range("sumOfSquares", "x", x.length, off, len);
        double s = 0;
        for (int i = off; i < off + len; i++) {
            s += (double) x[i] * x[i];
        }
        return s;
    }
}
