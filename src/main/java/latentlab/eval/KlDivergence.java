package latentlab.eval;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.nn.Autoencoder;

/**
 * How far a variational autoencoder's code distributions q(z|x) = N(mu, sigma^2) lie from the prior N(0, I), per
 * image: KL = -1/2 sum_j (1 + log sigma_j^2 - mu_j^2 - sigma_j^2) (Kingma and Welling 2014, appendix B).
 */
public final class KlDivergence {
    private static final int CHUNK = 256;

    private KlDivergence() {
    }

    /** Mean KL per image over {@code data}; 0 for a plain autoencoder (it has no distributions). */
    public static double mean(Autoencoder ae, Dataset data, ComputePool pool) {
        if (!ae.architecture().isVariational()) {
            return 0;
        }
        Encoding.checkDimension(ae, data);
        int n = data.size();
        int k = ae.latentSize();
        int d = data.dimension();
        int chunks = (n + CHUNK - 1) / CHUNK;
        // One sum per chunk, added up in chunk order: the same bits whichever threads took the chunks.
        double[] sums = new double[chunks];
        pool.parallelFor(n, CHUNK, (from, to) -> {
            int rows = to - from;
            float[] x = new float[rows * d];
            float[] mu = new float[rows * k];
            float[] lv = new float[rows * k];
            for (int r = 0; r < rows; r++) {
                data.copyImage(from + r, x, r * d);
            }
            ae.encodeDistribution(x, 0, rows, mu, lv);
            double s = 0;
            for (int i = 0; i < rows * k; i++) {
                s += -0.5 * (1 + lv[i] - (double) mu[i] * mu[i] - Math.exp(lv[i]));
            }
            sums[from / CHUNK] = s;
        });
        double s = 0;
        for (double v : sums) {
            s += v;
        }
        return s / n;
    }
}
