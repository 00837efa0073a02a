package latentlab.nn.activation;

import latentlab.math.ActivationKernels;

/**
 * Exponential linear unit with alpha = 1: f(z) = z for z &gt; 0, else exp(z) - 1; f'(z) = 1, else exp(z) = f(z) + 1
 * (Clevert, Unterthiner and Hochreiter, "Fast and accurate deep network learning by exponential linear units
 * (ELUs)", ICLR 2016, who trained the deep MNIST autoencoder of Hinton and Salakhutdinov with it). Negative outputs
 * push the mean activation towards zero, and unlike ReLU no unit stops learning for good.
 */
public final class Elu implements Activation {
    @Override
    public String name() {
        return "elu";
    }

    @Override
    public double apply(double z) {
        return z > 0 ? z : Math.expm1(z);
    }

    @Override
    public double derivative(double z, double y) {
        return z > 0 ? 1 : Math.exp(z);
    }

    @Override
    public void forward(ActivationKernels k, float[] z, float[] y, int off, int len) {
        k.elu(z, y, off, len);
    }

    @Override
    public void backward(ActivationKernels k, float[] z, float[] y, float[] dy, float[] dz, int off, int len) {
        k.eluBackward(y, dy, dz, off, len);
    }
}
