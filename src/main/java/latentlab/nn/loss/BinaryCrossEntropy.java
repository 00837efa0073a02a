package latentlab.nn.loss;

import latentlab.math.KernelSet;
import latentlab.nn.activation.Activation;
import latentlab.nn.activation.Sigmoid;

/**
 * Per-pixel binary cross-entropy for intensities x in [0, 1] against x~ = sigmoid(z):
 * <pre>l = -x log x~ - (1 - x) log(1 - x~) = max(z, 0) - x z + log(1 + e^-|z|),   dl/dz = sigmoid(z) - x</pre>
 * computed from the logit z so that saturated outputs give neither log 0 nor overflow (the same function as
 * PyTorch's BCEWithLogits). Needs a sigmoid output layer.
 */
public final class BinaryCrossEntropy implements Loss {
    @Override
    public String name() {
        return "bce";
    }

    @Override
    public String title() {
        return "cross-entropy";
    }

    @Override
    public void checkOutput(Activation output) {
        if (!(output instanceof Sigmoid)) {
            throw new IllegalArgumentException("cross-entropy needs a sigmoid output layer, not " + output.name()
                    + " (use squared error for other outputs)");
        }
    }

    @Override
    public double value(double x, double z, double y) {
        return Math.max(z, 0) - x * z + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Override
    public double gradient(double x, double z, double y, Activation output) {
        return 1 / (1 + Math.exp(-z)) - x;
    }

    @Override
    public double lossAndGradient(KernelSet k, Activation output, float[] z, float[] y, float[] dz, int off,
                                  float[] x, int xOff, int len, float scale) {
        return k.losses().bceWithLogits(z, off, x, xOff, dz, scale, len);
    }

    @Override
    public boolean needsOutput() {
        return false;
    }
}
