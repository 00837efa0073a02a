package latentlab.nn;

import latentlab.math.Rng;
import latentlab.nn.activation.Activation;
import latentlab.nn.activation.Elu;
import latentlab.nn.activation.LeakyRelu;
import latentlab.nn.activation.Relu;

/** Draws a layer's initial weights; biases start at 0. */
public interface Initializer {
    /** Fills W^T ({@code fanIn x fanOut} values from {@code off}) with random weights. */
    void initialize(float[] params, int off, int fanIn, int fanOut, Rng rng);

    /**
     * He et al. 2015 ("Delving deep into rectifiers"), for ReLU-like layers: w ~ N(0, 2 / fanIn), which keeps the
     * variance of activations constant through rectifiers.
     */
    Initializer HE = (p, off, fanIn, fanOut, rng) -> {
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < fanIn * fanOut; i++) {
            p[off + i] = (float) (std * rng.nextGaussian());
        }
    };

    /**
     * Glorot and Bengio 2010, for tanh, sigmoid and linear layers: w ~ U(-r, r) with r = sqrt(6 / (fanIn + fanOut)).
     */
    Initializer GLOROT = (p, off, fanIn, fanOut, rng) -> {
        double r = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < fanIn * fanOut; i++) {
            p[off + i] = (float) (r * (2 * rng.nextDouble() - 1));
        }
    };

    /** He for ReLU and leaky ReLU, Glorot otherwise. */
    static Initializer forActivation(Activation a) {
        return a instanceof Relu || a instanceof LeakyRelu || a instanceof Elu ? HE : GLOROT;
    }
}
