package latentlab.nn.loss;

import latentlab.math.KernelSet;
import latentlab.nn.activation.Activation;

/**
 * Squared error, l = (x - x~)^2 per pixel, summed over pixels: the loss of the notes for continuous data, and the
 * one under which a linear autoencoder recovers PCA. dl/dz = 2 (x~ - x) f'(z).
 */
public final class SquaredError implements Loss {
    @Override
    public String name() {
        return "se";
    }

    @Override
    public String title() {
        return "squared error";
    }

    @Override
    public void checkOutput(Activation output) {
        // Any output activation works.
    }

    @Override
    public double value(double x, double z, double y) {
        return (y - x) * (y - x);
    }

    @Override
    public double gradient(double x, double z, double y, Activation output) {
        return 2 * (y - x) * output.derivative(z, y);
    }

    @Override
    public double lossAndGradient(KernelSet k, Activation output, float[] z, float[] y, float[] dz, int off,
                                  float[] x, int xOff, int len, float scale) {
        double sum = k.losses().squaredError(y, off, x, xOff, dz, scale, len);
        output.backward(k.activations(), z, y, dz, dz, off, len);
        return sum;
    }

    @Override
    public boolean needsOutput() {
        return true;
    }
}
