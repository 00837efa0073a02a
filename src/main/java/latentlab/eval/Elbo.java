package latentlab.eval;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.math.KernelSet;
import latentlab.nn.Autoencoder;
import latentlab.nn.Workspace;

/**
 * The evidence lower bound of a variational autoencoder with a Bernoulli decoder, per image
 * (Kingma and Welling 2014, eq. 10):
 * <pre>ELBO(x) = E_{q(z|x)}[log p(x|z)] - KL(q(z|x) || N(0, I)),   log p(x|z) = -BCE(x, h(z))</pre>
 * estimated with one sample z per image, drawn from a fixed seed so the figure repeats exactly.
 */
public final class Elbo {
    private static final int CHUNK = 256;

    /**
     * @param elbo           mean ELBO per image (nats; higher is better)
     * @param reconstruction mean -E[log p(x|z)], the sampled cross-entropy, per image
     * @param kl             mean KL per image
     */
    public record Result(double elbo, double reconstruction, double kl) {
    }

    private Elbo() {
    }

    public static Result evaluate(Autoencoder ae, Dataset data, ComputePool pool, long seed) {
        if (!ae.architecture().isVariational()) {
            throw new IllegalArgumentException("the ELBO needs a variational autoencoder");
        }
        Encoding.checkDimension(ae, data);
        int n = data.size();
        int d = data.dimension();
        int chunks = (n + CHUNK - 1) / CHUNK;
        // One sum per chunk, added up in chunk order: the same bits whichever threads took the chunks.
        double[] bce = new double[chunks];
        KernelSet k = KernelSet.get();
        int last = ae.layerCount() - 1;
        pool.parallelFor(n, CHUNK, (from, to) -> {
            int rows = to - from;
            float[] x = new float[rows * d];
            float[] scratch = new float[rows * d];
            Workspace ws = new Workspace(ae.architecture(), rows);
            for (int r = 0; r < rows; r++) {
                data.copyImage(from + r, x, r * d);
            }
            // Each chunk's noise follows from the seed and the chunk, whatever the thread.
            ae.forwardSampled(k, x, 0, rows, ws, seed + from);
            bce[from / CHUNK] = k.losses().bceWithLogits(ws.preActivations(last), 0, x, 0, scratch, 1f, rows * d);
        });
        double recon = 0;
        for (double v : bce) {
            recon += v;
        }
        recon /= n;
        double kl = KlDivergence.mean(ae, data, pool);
        return new Result(-(recon + kl), recon, kl);
    }
}
