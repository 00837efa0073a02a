package latentlab.io.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import latentlab.compute.Progress;
import latentlab.io.format.NpyArray;
import latentlab.io.format.NpzWriter;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.nn.Dense;
import latentlab.nn.activation.Activation;
import latentlab.nn.activation.LeakyRelu;
import latentlab.nn.loss.Loss;

/**
 * An autoencoder (and optionally the codes of a data set) as a NumPy {@code .npz} archive, so that students can
 * continue in Python. The arrays:
 * <pre>
 * encoder_0_W, encoder_0_b, ...   float32, W of shape (out, in) and b of shape (out,): layer i computes
 * decoder_0_W, decoder_0_b, ...   z = W @ x + b, then its activation
 * encoder_sizes, decoder_sizes    int32, e.g. [784 256 64 2] and [2 64 256 784]
 * architecture                    str, e.g. '784-256-64-2' (with ' / 2-64-784' if the decoder is not the mirror)
 * activations                     str (3,): hidden, code and output activation ('relu', 'leakyrelu', 'tanh',
 *                                 'sigmoid', 'identity'); the code activation ends the encoder, the output one the
 *                                 decoder, hidden layers use the first
 * leakyrelu_slope                 float32, only when an activation is 'leakyrelu': f(z) = z if z > 0 else slope * z
 * loss                            str: the training loss, 'bce' (cross-entropy) or 'se' (squared error)
 * with a code table:
 * codes                           float32 (n, k)
 * labels                          uint8 (n,)
 * reconstruction_error            float32 (n,): squared error per image, pixels in [0, 1]
 * index                           int32 (n,): each row's image number in the data set
 * image_shape                     int32 [rows, cols]
 * </pre>
 * Latent Lab keeps each layer's weights transposed ({@code in x out}, see {@link Dense}); the export writes the
 * usual {@code out x in} orientation of the notes' W x + b.
 */
public final class ModelExport {
    private ModelExport() {
    }

    /**
     * Writes the model, and {@code codes} when not null, to {@code file} atomically (see {@link NpzWriter}).
     *
     * @throws IllegalArgumentException if the codes do not come from a model of this code size
     */
    public static void writeNpz(Path file, Autoencoder model, Loss loss, CodeTable codes, Progress progress)
            throws IOException {
        arrays(model, loss, codes).write(file, progress);
    }

    /** The archive's arrays, for callers that add their own before writing. */
    public static NpzWriter arrays(Autoencoder model, Loss loss, CodeTable codes) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(loss, "loss");
        Architecture a = model.architecture();
        NpzWriter npz = new NpzWriter();
        int encoderLayers = a.encoderLayers();
        for (int l = 0; l < model.layerCount(); l++) {
            Dense d = model.layer(l);
            String prefix = l < encoderLayers ? "encoder_" + l : "decoder_" + (l - encoderLayers);
            npz.add(prefix + "_W", NpyArray.floats(weights(model, l), d.outputs(), d.inputs()));
            float[] b = new float[d.outputs()];
            System.arraycopy(model.parameters(), d.biasOffset(), b, 0, b.length);
            npz.add(prefix + "_b", NpyArray.floats(b, b.length));
        }
        int[] enc = a.encoderSizes();
        int[] dec = a.decoderSizes();
        npz.add("encoder_sizes", NpyArray.ints(enc, enc.length));
        npz.add("decoder_sizes", NpyArray.ints(dec, dec.length));
        npz.add("architecture", NpyArray.string(a.toString()));
        Activation[] acts = {a.hidden(), a.code(), a.output()};
        npz.add("activations", NpyArray.strings(new String[] {acts[0].name(), acts[1].name(), acts[2].name()}, 3));
        Float slope = null;
        for (Activation act : acts) {
            if (act instanceof LeakyRelu leaky) {
                if (slope != null && slope != leaky.slope()) {
                    throw new IllegalArgumentException("the export has one leakyrelu_slope, but the network uses "
                            + slope + " and " + leaky.slope());
                }
                slope = leaky.slope();
            }
        }
        if (slope != null) {
            npz.add("leakyrelu_slope", NpyArray.floats(new float[] {slope}));
        }
        npz.add("loss", NpyArray.string(loss.name()));
        if (codes != null) {
            addCodes(npz, codes, a.latentSize());
        }
        return npz;
    }

    private static void addCodes(NpzWriter npz, CodeTable t, int k) {
        if (t.k() != k) {
            throw new IllegalArgumentException("the codes have size " + t.k() + " but the model's code size is " + k);
        }
        int n = t.size();
        byte[] labels = new byte[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) t.label(i);
            index[i] = t.index(i);
        }
        npz.add("codes", NpyArray.floats(t.codes(), n, k));
        npz.add("labels", NpyArray.uint8(labels, n));
        npz.add("reconstruction_error", NpyArray.floats(t.errors(), n));
        npz.add("index", NpyArray.ints(index, n));
        npz.add("image_shape", NpyArray.ints(new int[] {t.data().rows(), t.data().cols()}, 2));
    }

    /** Layer {@code l}'s weights as W ({@code out x in}, row-major): W[o][i] is the weight from input i to output o. */
    public static float[] weights(Autoencoder model, int l) {
        Dense d = model.layer(l);
        int in = d.inputs();
        int out = d.outputs();
        float[] p = model.parameters();
        float[] w = new float[in * out];
        // The parameter vector holds W^T (in x out); transposing row by row of W^T keeps the reads sequential.
        int base = d.weightOffset();
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                w[o * in + i] = p[base + i * out + o];
            }
        }
        return w;
    }
}
