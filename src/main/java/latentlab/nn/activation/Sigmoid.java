package latentlab.nn.activation;

import latentlab.math.ActivationKernels;

/** Logistic sigmoid, f(z) = 1 / (1 + e^-z); f'(z) = y (1 - y). Keeps outputs in (0, 1), like pixel intensities. */
public final class Sigmoid implements Activation {
    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public double apply(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    public double derivative(double z, double y) {
        return y * (1 - y);
    }

    @Override
    public void forward(ActivationKernels k, float[] z, float[] y, int off, int len) {
        k.sigmoid(z, y, off, len);
    }

    @Override
    public void backward(ActivationKernels k, float[] z, float[] y, float[] dy, float[] dz, int off, int len) {
        k.sigmoidBackward(y, dy, dz, off, len);
    }
}
