package latentlab.eval;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.math.Kernels;
import latentlab.nn.Autoencoder;
import latentlab.nn.Codec;
import latentlab.nn.Workspace;
import latentlab.nn.activation.Sigmoid;

/**
 * Reconstruction error of a codec on a data set, per image (summed over pixels, averaged over images): squared
 * error sum_j (x_j - x~_j)^2 for any codec, and cross-entropy for autoencoders with a sigmoid output (from the
 * logits, exactly as in training).
 */
public final class ReconstructionError {
    private static final int CHUNK = 256;

    /**
     * @param squaredError  mean over images of the summed squared error
     * @param crossEntropy  mean over images of the summed cross-entropy, NaN if the codec has no sigmoid output
     * @param perImage      squared error of each image
     */
    public record Result(double squaredError, double crossEntropy, float[] perImage) {
    }

    private ReconstructionError() {
    }

    /** Evaluates {@code codec} on every image of {@code data}. */
    public static Result evaluate(Codec codec, Dataset data, ComputePool pool) {
        Encoding.checkDimension(codec, data);
        int n = data.size();
        int d = data.dimension();
        int parts = pool.threads();
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[] se = new double[parts];
        double[] bce = new double[parts];
        float[] perImage = new float[n];
        boolean logits = codec instanceof Autoencoder ae && ae.architecture().output() instanceof Sigmoid;
        pool.run(t -> {
            Kernels k = Kernels.get();
            float[] x = new float[CHUNK * d];
            float[] scratch = new float[CHUNK * d];
            Workspace ws = logits ? new Workspace(((Autoencoder) codec).architecture(), CHUNK) : null;
            int c0 = ComputePool.splitStart(chunks, parts, t);
            int c1 = ComputePool.splitStart(chunks, parts, t + 1);
            for (int c = c0; c < c1; c++) {
                int from = c * CHUNK;
                int rows = Math.min(CHUNK, n - from);
                for (int r = 0; r < rows; r++) {
                    data.copyImage(from + r, x, r * d);
                }
                float[] out;
                float[] z = null;
                if (logits) {
                    Autoencoder ae = (Autoencoder) codec;
                    ae.forward(k, x, 0, rows, ws);
                    int last = ae.layerCount() - 1;
                    out = ws.activations(last);
                    z = ws.preActivations(last);
                } else {
                    out = new float[rows * d];
                    codec.reconstruct(x, 0, rows, out, 0);
                }
                for (int r = 0; r < rows; r++) {
                    double e = k.squaredError(out, r * d, x, r * d, scratch, 1f, d);
                    perImage[from + r] = (float) e;
                    se[t] += e;
                    if (logits) {
                        bce[t] += k.bceWithLogits(z, r * d, x, r * d, scratch, 1f, d);
                    }
                }
            }
        });
        double seSum = 0;
        double bceSum = 0;
        for (int t = 0; t < parts; t++) {
            seSum += se[t];
            bceSum += bce[t];
        }
        return new Result(seSum / n, logits ? bceSum / n : Double.NaN, perImage);
    }
}
