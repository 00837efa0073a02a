package latentlab.nn;

import latentlab.nn.activation.Activation;
import latentlab.nn.loss.Loss;

/**
 * A deliberately plain double-precision autoencoder for gradient checks: the textbook forward pass and
 * backpropagation written with loops, using the production per-element formulas ({@link Activation#apply},
 * {@link Activation#derivative}, {@link Loss#value}, {@link Loss#gradient}) and the production parameter layout
 * (per layer W^T as in x out, then b). The float implementation is checked against it, and it against central
 * differences.
 */
final class ReferenceNet {
    private final Architecture arch;
    private final Loss loss;
    private final double beta;
    private final double[] eps;

    ReferenceNet(Architecture arch, Loss loss) {
        this(arch, loss, 0, null);
    }

    /** A VAE with fixed noise {@code eps} (n x k) and KL weight {@code beta}. */
    ReferenceNet(Architecture arch, Loss loss, double beta, double[] eps) {
        this.arch = arch;
        this.loss = loss;
        this.beta = beta;
        this.eps = eps;
    }

    private int[] offsets() {
        int[] off = new int[arch.layerCount()];
        int o = 0;
        for (int l = 0; l < arch.layerCount(); l++) {
            off[l] = o;
            int[] s = arch.layerShape(l);
            o += s[0] * s[1] + s[1];
        }
        return off;
    }

    /** Mean over the {@code n} images of the summed per-pixel loss. */
    double loss(double[] p, double[] x, int n) {
        return run(p, x, n, null);
    }

    /** Gradient of {@link #loss} with respect to the parameters. */
    double[] gradient(double[] p, double[] x, int n) {
        double[] g = new double[p.length];
        run(p, x, n, g);
        return g;
    }

    private double run(double[] p, double[] x, int n, double[] grad) {
        int layers = arch.layerCount();
        int e = arch.encoderLayers();
        int k = arch.latentSize();
        boolean vae = arch.isVariational();
        int[] off = offsets();
        int d = arch.inputSize();
        double total = 0;
        for (int img = 0; img < n; img++) {
            double[][] a = new double[layers + 1][];
            double[][] z = new double[layers][];
            a[0] = new double[d];
            System.arraycopy(x, img * d, a[0], 0, d);
            double[] sampled = null;
            for (int l = 0; l < layers; l++) {
                int in = arch.layerShape(l)[0];
                int out = arch.layerShape(l)[1];
                double[] input = a[l];
                if (vae && l == e) {
                    // z = mu + exp(logvar / 2) eps
                    sampled = new double[k];
                    for (int j = 0; j < k; j++) {
                        sampled[j] = a[e][j] + Math.exp(0.5 * a[e][k + j]) * eps[img * k + j];
                    }
                    input = sampled;
                }
                z[l] = new double[out];
                a[l + 1] = new double[out];
                for (int o = 0; o < out; o++) {
                    double s = p[off[l] + in * out + o];
                    for (int i = 0; i < in; i++) {
                        s += p[off[l] + i * out + o] * input[i];
                    }
                    z[l][o] = s;
                    a[l + 1][o] = arch.activation(l).apply(s);
                }
            }
            Activation outAct = arch.activation(layers - 1);
            double[] delta = new double[d];
            for (int j = 0; j < d; j++) {
                double xj = x[img * d + j];
                total += loss.value(xj, z[layers - 1][j], a[layers][j]);
                delta[j] = loss.gradient(xj, z[layers - 1][j], a[layers][j], outAct) / n;
            }
            if (vae) {
                for (int j = 0; j < k; j++) {
                    double mu = a[e][j];
                    double lv = a[e][k + j];
                    total += beta * -0.5 * (1 + lv - mu * mu - Math.exp(lv));
                }
            }
            if (grad == null) {
                continue;
            }
            for (int l = layers - 1; l >= 0; l--) {
                int in = arch.layerShape(l)[0];
                int out = arch.layerShape(l)[1];
                double[] input = vae && l == e ? sampled : a[l];
                double[] prev = new double[in];
                for (int o = 0; o < out; o++) {
                    grad[off[l] + in * out + o] += delta[o];
                    for (int i = 0; i < in; i++) {
                        grad[off[l] + i * out + o] += delta[o] * input[i];
                        prev[i] += delta[o] * p[off[l] + i * out + o];
                    }
                }
                if (vae && l == e) {
                    // prev is dL/dz of the samples: on to mu and logvar, plus beta times the KL gradient.
                    double[] enc = new double[2 * k];
                    for (int j = 0; j < k; j++) {
                        double mu = a[e][j];
                        double lv = a[e][k + j];
                        enc[j] = prev[j] + beta * mu / n;
                        enc[k + j] = prev[j] * eps[img * k + j] * 0.5 * Math.exp(0.5 * lv)
                                + beta * 0.5 * (Math.exp(lv) - 1) / n;
                    }
                    prev = enc;
                }
                if (l > 0) {
                    Activation f = arch.activation(l - 1);
                    for (int i = 0; i < prev.length; i++) {
                        prev[i] *= f.derivative(z[l - 1][i], a[l][i]);
                    }
                }
                delta = prev;
            }
        }
        return total / n;
    }
}
