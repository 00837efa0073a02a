package latentlab.nn.activation;

import latentlab.math.ActivationKernels;

/** Leaky ReLU, f(z) = z for z > 0, else s z (Maas, Hannun and Ng 2013); s = 0.01 by default. */
public final class LeakyRelu implements Activation {
    /** The usual negative slope. */
    public static final float DEFAULT_SLOPE = 0.01f;
    private final float slope;

    public LeakyRelu() {
        this(DEFAULT_SLOPE);
    }

    public LeakyRelu(float slope) {
        if (!(slope >= 0 && slope < 1)) {
            throw new IllegalArgumentException("leaky ReLU slope must be in [0, 1), got " + slope);
        }
        this.slope = slope;
    }

    public float slope() {
        return slope;
    }

    @Override
    public String name() {
        return "leakyrelu";
    }

    @Override
    public double apply(double z) {
        return z > 0 ? z : slope * z;
    }

    @Override
    public double derivative(double z, double y) {
        return z > 0 ? 1 : slope;
    }

    @Override
    public void forward(ActivationKernels k, float[] z, float[] y, int off, int len) {
        k.leakyRelu(slope, z, y, off, len);
    }

    @Override
    public void backward(ActivationKernels k, float[] z, float[] y, float[] dy, float[] dz, int off, int len) {
        k.leakyReluBackward(slope, z, dy, dz, off, len);
    }
}
