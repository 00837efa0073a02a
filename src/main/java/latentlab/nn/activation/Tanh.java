package latentlab.nn.activation;

import latentlab.math.ActivationKernels;

/** Hyperbolic tangent, f(z) = tanh z; f'(z) = 1 - tanh^2 z = 1 - y^2. */
public final class Tanh implements Activation {
    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public double apply(double z) {
        return Math.tanh(z);
    }

    @Override
    public double derivative(double z, double y) {
        return 1 - y * y;
    }

    @Override
    public void forward(ActivationKernels k, float[] z, float[] y, int off, int len) {
        k.tanh(z, y, off, len);
    }

    @Override
    public void backward(ActivationKernels k, float[] z, float[] y, float[] dy, float[] dz, int off, int len) {
        k.tanhBackward(y, dy, dz, off, len);
    }
}
