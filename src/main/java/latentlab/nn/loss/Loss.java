package latentlab.nn.loss;

import latentlab.math.KernelSet;
import latentlab.nn.activation.Activation;

/**
 * A reconstruction loss L(x, x~) = sum_j l(x_j, x~_j), summed over the pixels of one image. The network's output
 * is x~ = f(z) for the output activation f; losses work from z where that is more stable.
 */
public interface Loss {
    /** Name used in model files and on the command line ("se", "bce"). */
    String name();

    /** A readable name ("squared error"). */
    String title();

    /** Throws IllegalArgumentException if this loss cannot be used with that output activation. */
    void checkOutput(Activation output);

    /** l for one pixel: target x, pre-activation z, output y = f(z); double precision. */
    double value(double x, double z, double y);

    /** dl/dz for one pixel, with f' from the output activation; double precision. */
    double gradient(double x, double z, double y, Activation output);

    /**
     * For i in [0, len): pixel i has logit z[off+i], output y[off+i] (must hold f(z) if {@link #needsOutput()})
     * and target x[xOff+i]. Writes {@code scale * dl/dz} into dz[off+i] and returns the summed loss.
     */
    double lossAndGradient(KernelSet k, Activation output, float[] z, float[] y, float[] dz, int off,
                           float[] x, int xOff, int len, float scale);

    /** Whether {@link #lossAndGradient} reads the activated output y (otherwise only the logits z). */
    boolean needsOutput();
}
