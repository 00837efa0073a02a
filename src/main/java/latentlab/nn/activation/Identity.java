package latentlab.nn.activation;

import latentlab.math.ActivationKernels;

/** f(z) = z: a linear layer. With identity everywhere and squared error, the autoencoder learns PCA's subspace. */
public final class Identity implements Activation {
    @Override
    public String name() {
        return "identity";
    }

    @Override
    public double apply(double z) {
        return z;
    }

    @Override
    public double derivative(double z, double y) {
        return 1;
    }

    @Override
    public void forward(ActivationKernels k, float[] z, float[] y, int off, int len) {
        if (y != z) {
            System.arraycopy(z, off, y, off, len);
        }
    }

    @Override
    public void backward(ActivationKernels k, float[] z, float[] y, float[] dy, float[] dz, int off, int len) {
        if (dz != dy) {
            System.arraycopy(dy, off, dz, off, len);
        }
    }

    @Override
    public boolean isIdentity() {
        return true;
    }
}
