package latentlab.nn;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

import latentlab.nn.activation.Activation;
import latentlab.nn.activation.Identity;
import latentlab.nn.activation.Relu;
import latentlab.nn.activation.Sigmoid;

/**
 * The shape of an autoencoder: encoder layer sizes d, h1, ..., k and decoder sizes k, ..., d, with the activation
 * of hidden layers, of the code layer and of the output layer.
 *
 * <p>Written as in the literature, {@code 784-256-64-2}: the encoder, which the decoder mirrors unless given
 * separately. The first number is the input size d and must match the data ({@code d-256-64-2} takes it from the
 * data); the last is the code size k, with 1 <= k < d.
 */
public final class Architecture {
    /** Largest width of any layer: beyond it a model would not fit in a laptop's memory anyway. */
    public static final int MAX_WIDTH = 100_000;
    /** Largest number of parameters (~400 MB of float weights with optimizer state). */
    public static final long MAX_PARAMETERS = 50_000_000;

    private final int[] encoder;
    private final int[] decoder;
    private final Activation hidden;
    private final Activation code;
    private final Activation output;
    private final boolean variational;

    public Architecture(int[] encoder, int[] decoder, Activation hidden, Activation code, Activation output) {
        this(encoder, decoder, hidden, code, output, false);
    }

    /**
     * @param variational a variational autoencoder (Kingma and Welling 2014): the encoder's last layer gives a mean
     *                    and a log-variance per latent dimension (2k outputs), the decoder reads a sample
     */
    public Architecture(int[] encoder, int[] decoder, Activation hidden, Activation code, Activation output,
                        boolean variational) {
        this.encoder = encoder.clone();
        this.decoder = decoder.clone();
        this.hidden = Objects.requireNonNull(hidden);
        this.code = Objects.requireNonNull(code);
        this.output = Objects.requireNonNull(output);
        this.variational = variational;
        if (variational && !code.isIdentity()) {
            throw new IllegalArgumentException("a variational autoencoder needs a linear code layer (mean and log-variance)");
        }
        validate();
    }

    /** The same network as a variational autoencoder (or back to a plain one). */
    public Architecture withVariational(boolean v) {
        return new Architecture(encoder, decoder, hidden, code, output, v);
    }

    /** Whether this is a variational autoencoder. */
    public boolean isVariational() {
        return variational;
    }

    /** The usual choice: ReLU hidden layers, a linear code, a sigmoid output; the decoder mirrors the encoder. */
    public static Architecture mirrored(int... encoder) {
        return new Architecture(encoder, reversed(encoder), new Relu(), new Identity(), new Sigmoid());
    }

    /**
     * Parses {@code "784-256-64-2"} (or {@code "d-256-64-2"}) for data of dimension {@code d}, with an optional
     * separate decoder {@code "2-64-784"} (null: mirror).
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static Architecture parse(String encoderSpec, String decoderSpec, int d, Activation hidden,
                                     Activation code, Activation output) {
        return parse(encoderSpec, decoderSpec, d, hidden, code, output, false);
    }

    /** Same, optionally variational. */
    public static Architecture parse(String encoderSpec, String decoderSpec, int d, Activation hidden,
                                     Activation code, Activation output, boolean variational) {
        int[] enc = sizes(encoderSpec, d, "architecture");
        if (enc[0] != d) {
            throw new IllegalArgumentException("architecture " + encoderSpec + " starts with " + enc[0]
                    + " but the images have d = " + d + " pixels (write d-" + tail(encoderSpec) + ")");
        }
        int[] dec = decoderSpec == null || decoderSpec.isBlank() ? reversed(enc) : sizes(decoderSpec, d, "decoder");
        return new Architecture(enc, dec, hidden, code, output, variational);
    }

    private static String tail(String spec) {
        int dash = spec.indexOf('-');
        return dash < 0 ? "..." : spec.substring(dash + 1);
    }

    private static int[] sizes(String spec, int d, String what) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(what + " is empty; write sizes like 784-256-64-2");
        }
        String[] parts = spec.trim().split("\\s*-\\s*");
        if (parts.length < 2) {
            throw new IllegalArgumentException(what + " '" + spec + "' needs at least an input and a code size, like 784-2");
        }
        int[] s = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.equals("d")) {
                s[i] = d;
                continue;
            }
            try {
                s[i] = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " '" + spec + "': '" + p + "' is not a layer size");
            }
        }
        return s;
    }

    private static int[] reversed(int[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    private void validate() {
        if (encoder.length < 2 || decoder.length < 2) {
            throw new IllegalArgumentException("encoder and decoder each need at least two sizes");
        }
        for (int[] s : new int[][] {encoder, decoder}) {
            for (int v : s) {
                if (v < 1 || v > MAX_WIDTH) {
                    throw new IllegalArgumentException("layer size " + v + " in " + format(s) + " must be between 1 and "
                            + MAX_WIDTH);
                }
            }
        }
        int d = encoder[0];
        int k = encoder[encoder.length - 1];
        if (k >= d) {
            throw new IllegalArgumentException("the code size k = " + k + " must be smaller than the input size d = " + d
                    + ": an autoencoder needs a bottleneck");
        }
        if (decoder[0] != k) {
            throw new IllegalArgumentException("decoder " + format(decoder) + " must start with the code size " + k);
        }
        if (decoder[decoder.length - 1] != d) {
            throw new IllegalArgumentException("decoder " + format(decoder) + " must end with the input size " + d);
        }
        if (parameterCount() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("architecture " + this + " has " + parameterCount()
                    + " parameters; the limit is " + MAX_PARAMETERS);
        }
    }

    private static String format(int[] s) {
        return Arrays.stream(s).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }

    /** d. */
    public int inputSize() {
        return encoder[0];
    }

    /** k. */
    public int latentSize() {
        return encoder[encoder.length - 1];
    }

    public int[] encoderSizes() {
        return encoder.clone();
    }

    public int[] decoderSizes() {
        return decoder.clone();
    }

    /** Whether the decoder is the encoder reversed. */
    public boolean isMirrored() {
        return Arrays.equals(decoder, reversed(encoder));
    }

    public Activation hidden() {
        return hidden;
    }

    public Activation code() {
        return code;
    }

    public Activation output() {
        return output;
    }

    public int encoderLayers() {
        return encoder.length - 1;
    }

    public int layerCount() {
        return encoder.length - 1 + decoder.length - 1;
    }

    /** Input and output size of layer {@code l} (encoder layers first; a VAE's code layer has 2k outputs). */
    public int[] layerShape(int l) {
        int e = encoderLayers();
        if (l < e) {
            int out = encoder[l + 1] * (variational && l == e - 1 ? 2 : 1);
            return new int[] {encoder[l], out};
        }
        return new int[] {decoder[l - e], decoder[l - e + 1]};
    }

    /** Activation after layer {@code l}. */
    public Activation activation(int l) {
        int e = encoderLayers();
        if (l == e - 1) {
            return code;
        }
        if (l == layerCount() - 1) {
            return output;
        }
        return hidden;
    }

    /** Total weights and biases. */
    public long parameterCount() {
        long n = 0;
        for (int l = 0; l < layerCount(); l++) {
            int[] s = layerShape(l);
            n += (long) s[0] * s[1] + s[1];
        }
        return n;
    }

    /** Multiply-adds of one forward pass of one image. */
    public long multiplyAdds() {
        long n = 0;
        for (int l = 0; l < layerCount(); l++) {
            int[] s = layerShape(l);
            n += (long) s[0] * s[1];
        }
        return n;
    }

    /** Whether all activations are the identity (a linear autoencoder). */
    public boolean isLinear() {
        return hidden.isIdentity() && code.isIdentity() && output.isIdentity();
    }

    /** "784-256-64-2", plus " / 2-64-784" when the decoder is not the mirror image. */
    @Override
    public String toString() {
        return (isMirrored() ? format(encoder) : format(encoder) + " / " + format(decoder)) + (variational ? " VAE" : "");
    }

    /** The decoder sizes as written, "2-64-256-784". */
    public String decoderSpec() {
        return format(decoder);
    }

    /** The encoder sizes as written. */
    public String encoderSpec() {
        return format(encoder);
    }

    /** The activations as "hidden relu, code identity, output sigmoid". */
    public String activationSummary() {
        return "hidden " + hidden.name() + ", code " + code.name() + ", output " + output.name();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a && variational == a.variational && Arrays.equals(encoder, a.encoder)
                && Arrays.equals(decoder, a.decoder)
                && hidden.name().equals(a.hidden.name()) && code.name().equals(a.code.name())
                && output.name().equals(a.output.name());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoder) * 31 + Arrays.hashCode(decoder);
    }
}
