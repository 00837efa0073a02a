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
        int parts = pool.threads();
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[] sums = new double[parts];
        pool.run(t -> {
            float[] x = new float[CHUNK * d];
            float[] mu = new float[CHUNK * k];
            float[] lv = new float[CHUNK * k];
            for (int c = ComputePool.splitStart(chunks, parts, t); c < ComputePool.splitStart(chunks, parts, t + 1); c++) {
                int from = c * CHUNK;
                int rows = Math.min(CHUNK, n - from);
                for (int r = 0; r < rows; r++) {
                    data.copyImage(from + r, x, r * d);
                }
                ae.encodeDistribution(x, 0, rows, mu, lv);
                for (int i = 0; i < rows * k; i++) {
                    sums[t] += -0.5 * (1 + lv[i] - (double) mu[i] * mu[i] - Math.exp(lv[i]));
                }
            }
        });
        double s = 0;
        for (double v : sums) {
            s += v;
        }
        return s / n;
    }
}
