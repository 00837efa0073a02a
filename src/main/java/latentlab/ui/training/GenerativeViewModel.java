package latentlab.ui.training;

import java.io.IOException;

import latentlab.io.model.ModelFile;
import latentlab.math.Normal;
import latentlab.math.Rng;
import latentlab.nn.Autoencoder;
import latentlab.nn.Codec;

/**
 * What a model generates: decodes of codes drawn from the prior N(0, I), and the "manifold of the prior" — a grid
 * over two latent dimensions at equal steps of probability (z = Phi^-1(p)), as in Kingma and Welling's figures.
 * Plain Java arrays in, images out; the window draws them.
 */
public final class GenerativeViewModel {
    private long seed = 1;
    private Autoencoder bundledVae;
    private boolean bundledMissing;

    /**
     * Decodes {@code n x n} codes drawn from N(0, I) with the current seed; returns n*n images, one after another.
     */
    public float[] samples(Codec codec, int n) {
        int k = codec.latentSize();
        Rng rng = new Rng(seed);
        float[] z = new float[n * n * k];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        float[] out = new float[n * n * codec.inputSize()];
        codec.decode(z, 0, n * n, out, 0);
        return out;
    }

    /** The bundled VAE (read once), or null if this build has none. */
    public Autoencoder bundledVae() {
        if (bundledVae == null && !bundledMissing) {
            try {
                bundledVae = ModelFile.loadResource(CompareViewModel.VAE).autoencoder();
            } catch (IOException e) {
                // A build without the model samples the network being trained instead.
                bundledMissing = true;
            }
        }
        return bundledVae;
    }

    /** Moves to new random samples. */
    public void next() {
        seed++;
    }

    public long seed() {
        return seed;
    }

    /**
     * Decodes an {@code n x n} grid over dimensions {@code dx} (columns) and {@code dy} (rows, top = high) at
     * z = Phi^-1((i + 0.5) / n) scaled to span +-{@code sigmas} standard deviations; the other dimensions are 0.
     */
    public static float[] priorManifold(Codec codec, int n, int dx, int dy, double sigmas) {
        int k = codec.latentSize();
        double pLow = cdf(-sigmas);
        float[] z = new float[n * n * k];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int o = (r * n + c) * k;
                z[o + dx] = (float) Normal.quantile(pLow + (1 - 2 * pLow) * (c + 0.5) / n);
                if (k > 1) {
                    z[o + dy] = (float) Normal.quantile(pLow + (1 - 2 * pLow) * (n - 1 - r + 0.5) / n);
                }
            }
        }
        float[] out = new float[n * n * codec.inputSize()];
        codec.decode(z, 0, n * n, out, 0);
        return out;
    }

    /** Standard normal CDF, 1/2 erfc(-x / sqrt 2), via Abramowitz and Stegun 7.1.26 (error below 1.5e-7). */
    static double cdf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                * Math.exp(-x * x / 2);
        return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
    }

    /** Lays out n*n images of rows x cols as one grid image (gap pixels of 0 between them). */
    public static float[] tile(float[] images, int n, int rows, int cols, int gap) {
        int w = n * cols + (n - 1) * gap;
        int h = n * rows + (n - 1) * gap;
        float[] grid = new float[w * h];
        int d = rows * cols;
        for (int i = 0; i < n * n; i++) {
            int gx = (i % n) * (cols + gap);
            int gy = (i / n) * (rows + gap);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(images, i * d + r * cols, grid, (gy + r) * w + gx, cols);
            }
        }
        return grid;
    }
}
