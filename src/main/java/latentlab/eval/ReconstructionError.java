package latentlab.eval;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.math.KernelSet;
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
        int chunks = (n + CHUNK - 1) / CHUNK;
        // Sums per chunk, added up in chunk order: the same bits whichever threads took the chunks.
        double[] se = new double[chunks];
        double[] bce = new double[chunks];
        float[] perImage = new float[n];
        boolean logits = codec instanceof Autoencoder ae && ae.architecture().output() instanceof Sigmoid;
        KernelSet k = KernelSet.get();
        Buffers[] buffers = new Buffers[pool.threads()];
        pool.parallelFor(n, CHUNK, (slot, from, to) -> {
            if (buffers[slot] == null) {
                buffers[slot] = new Buffers(d, logits ? ((Autoencoder) codec).architecture() : null);
            }
            float[] x = buffers[slot].x;
            float[] scratch = buffers[slot].scratch;
            Workspace ws = buffers[slot].workspace;
            int c = from / CHUNK;
            int rows = to - from;
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
                double e = k.losses().squaredError(out, r * d, x, r * d, scratch, 1f, d);
                perImage[from + r] = (float) e;
                se[c] += e;
                if (logits) {
                    bce[c] += k.losses().bceWithLogits(z, r * d, x, r * d, scratch, 1f, d);
                }
            }
        });
        double seSum = 0;
        double bceSum = 0;
        for (int c = 0; c < chunks; c++) {
            seSum += se[c];
            bceSum += bce[c];
        }
        return new Result(seSum / n, logits ? bceSum / n : Double.NaN, perImage);
    }

    /** One thread's scratch: a chunk of images, a chunk of outputs, and a workspace for autoencoders' logits. */
    private static final class Buffers {
        final float[] x;
        final float[] scratch;
        final Workspace workspace;

        Buffers(int d, latentlab.nn.Architecture logitsOf) {
            x = new float[CHUNK * d];
            scratch = new float[CHUNK * d];
            workspace = logitsOf == null ? null : new Workspace(logitsOf, CHUNK);
        }
    }
}
