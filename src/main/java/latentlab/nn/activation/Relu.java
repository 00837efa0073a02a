package latentlab.nn.activation;

import latentlab.math.ActivationKernels;

/** Rectified linear unit, f(z) = max(0, z) (Nair and Hinton 2010); f'(z) = 1 for z > 0, else 0. */
public final class Relu implements Activation {
    @Override
    public String name() {
        return "relu";
    }

    @Override
    public double apply(double z) {
        return Math.max(0, z);
    }

    @Override
    public double derivative(double z, double y) {
        return z > 0 ? 1 : 0;
    }

    @Override
    public void forward(ActivationKernels k, float[] z, float[] y, int off, int len) {
        k.relu(z, y, off, len);
    }

    @Override
    public void backward(ActivationKernels k, float[] z, float[] y, float[] dy, float[] dz, int off, int len) {
        k.reluBackward(z, dy, dz, off, len);
    }
}
