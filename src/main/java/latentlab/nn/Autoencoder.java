package latentlab.nn;

import java.util.Objects;

import latentlab.math.KernelSet;
import latentlab.math.Rng;
import latentlab.nn.activation.Activation;
import latentlab.nn.loss.Loss;

/**
 * A multilayer autoencoder: encoder g(x) = f_E(... f_1(W_1 x + b_1)) with a k-dimensional code, and decoder
 * h(a) built the same way back to d outputs (the notes' g and h, with several layers each).
 *
 * <p>All weights and biases live in one flat float vector (see {@link Dense} for the layout), which makes
 * snapshots, optimiser updates and model files single array operations. Inference ({@link #encode},
 * {@link #decode}) only reads the parameters and allocates its own scratch, so a copy can be used from any
 * thread while the live network trains; training uses {@link #forwardBackward} with a {@link Workspace}.
 */
public final class Autoencoder implements Codec {
    private static final int INFERENCE_CHUNK = 64;
    /** Per-thread scratch for inference, so that encoding and decoding allocate nothing once warm. */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[][] {new float[0],
            new float[0]});

    private final Architecture architecture;
    private final Dense[] layers;
    private final Activation[] activations;
    private final float[] params;

    /** A network with all parameters zero (use {@link #initialized} for training). */
    public Autoencoder(Architecture architecture) {
        this(architecture, null);
    }

    private Autoencoder(Architecture architecture, float[] params) {
        this.architecture = Objects.requireNonNull(architecture);
        int n = architecture.layerCount();
        this.layers = new Dense[n];
        this.activations = new Activation[n];
        int off = 0;
        for (int l = 0; l < n; l++) {
            int[] s = architecture.layerShape(l);
            layers[l] = new Dense(s[0], s[1], off);
            activations[l] = architecture.activation(l);
            off += layers[l].parameterCount();
        }
        if (params == null) {
            this.params = new float[off];
        } else {
            if (params.length != off) {
                throw new IllegalArgumentException(architecture + " has " + off + " parameters, got " + params.length);
            }
            this.params = params;
        }
    }

    /** A network whose weights are drawn from {@code seed} (He or Glorot per layer), biases zero. */
    public static Autoencoder initialized(Architecture architecture, long seed) {
        Autoencoder ae = new Autoencoder(architecture);
        ae.initialize(seed);
        return ae;
    }

    /** A network with the given parameter vector (copied). */
    public static Autoencoder withParameters(Architecture architecture, float[] params) {
        return new Autoencoder(architecture, params.clone());
    }

    /** Re-draws all weights from {@code seed} and zeroes the biases. */
    public void initialize(long seed) {
        Rng rng = new Rng(seed);
        java.util.Arrays.fill(params, 0f);
        for (int l = 0; l < layers.length; l++) {
            Dense d = layers[l];
            Initializer.forActivation(activations[l]).initialize(params, d.weightOffset(), d.inputs(), d.outputs(), rng);
        }
    }

    /** A deep copy: same architecture, its own parameter array. */
    public Autoencoder copy() {
        return new Autoencoder(architecture, params.clone());
    }

    /** Copies the parameters of a network of the same architecture into this one. */
    public void copyParametersFrom(Autoencoder other) {
        if (!other.architecture.equals(architecture)) {
            throw new IllegalArgumentException("architectures differ: " + other.architecture + " vs " + architecture);
        }
        System.arraycopy(other.params, 0, params, 0, params.length);
    }

    public Architecture architecture() {
        return architecture;
    }

    /** The live parameter vector (the trainer updates it in place; treat it as read-only elsewhere). */
    public float[] parameters() {
        return params;
    }

    public int parameterCount() {
        return params.length;
    }

    public int layerCount() {
        return layers.length;
    }

    public Dense layer(int l) {
        return layers[l];
    }

    public Activation activation(int l) {
        return activations[l];
    }

    /** Whether every parameter is a finite number. */
    public boolean isFinite() {
        for (float p : params) {
            if (!Float.isFinite(p)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int inputSize() {
        return architecture.inputSize();
    }

    @Override
    public int latentSize() {
        return architecture.latentSize();
    }

    @Override
    public String describe() {
        return (architecture.isVariational() ? "variational autoencoder " : "autoencoder ") + architecture;
    }

    // ------------------------------------------------------------------ training

    /**
     * Forward pass over rows [r0, r1) of {@code x}, keeping every layer's pre-activations and activations in
     * {@code ws} (the output layer's logits and outputs included). A VAE decodes its means here (no noise).
     */
    public void forward(KernelSet k, float[] x, int r0, int r1, Workspace ws) {
        forward(k, x, r0, r1, ws, true, false, 0);
    }

    /**
     * Forward pass of a VAE with its codes sampled (noise from {@code noiseSeed} and the rows' positions), as in
     * training; for a plain autoencoder the same as {@link #forward(KernelSet, float[], int, int, Workspace)}.
     */
    public void forwardSampled(KernelSet k, float[] x, int r0, int r1, Workspace ws, long noiseSeed) {
        forward(k, x, r0, r1, ws, true, architecture.isVariational(), noiseSeed);
    }

    /** The input of layer {@code l}: the images, the previous layer's output, or (VAE decoder) the samples. */
    private float[] input(int l, float[] x, Workspace ws) {
        if (l == 0) {
            return x;
        }
        if (architecture.isVariational() && l == architecture.encoderLayers()) {
            return ws.sample;
        }
        return ws.y[l - 1];
    }

    private void forward(KernelSet k, float[] x, int r0, int r1, Workspace ws, boolean activateOutput, boolean noise,
                         long noiseSeed) {
        int rows = r1 - r0;
        if (rows > ws.capacity) {
            throw new IllegalArgumentException(rows + " rows do not fit a workspace of " + ws.capacity);
        }
        int xOff = r0 * inputSize();
        int last = layers.length - 1;
        int e = architecture.encoderLayers();
        for (int l = 0; l <= last; l++) {
            if (architecture.isVariational() && l == e) {
                sample(ws, r0, rows, noise, noiseSeed);
            }
            layers[l].forward(k.matrix(), params, input(l, x, ws), l == 0 ? xOff : 0, 0, rows, ws.z[l], 0);
            if (l < last || activateOutput) {
                activations[l].forward(k.activations(), ws.z[l], ws.y[l], 0, rows * layers[l].outputs());
            }
        }
    }

    /**
     * The reparameterisation of Kingma and Welling ("Auto-encoding variational Bayes", ICLR 2014):
     * z = mu + exp(log sigma^2 / 2) eps with eps ~ N(0, I), so that z depends differentiably on mu and log sigma^2.
     * The noise of row i of a step comes from the seed and the row's place in the whole batch, not from the thread
     * that computes it: the same seed gives the same samples with any number of threads. Without noise z = mu.
     */
    private void sample(Workspace ws, int r0, int rows, boolean noise, long noiseSeed) {
        int k = latentSize();
        float[] enc = ws.y[architecture.encoderLayers() - 1];
        for (int r = 0; r < rows; r++) {
            Rng rng = noise ? new Rng(noiseSeed ^ ((r0 + r + 1) * 0x9E3779B97F4A7C15L)) : null;
            for (int j = 0; j < k; j++) {
                float mu = enc[r * 2 * k + j];
                float lv = enc[r * 2 * k + k + j];
                float eps = noise ? (float) rng.nextGaussian() : 0f;
                ws.eps[r * k + j] = eps;
                ws.sample[r * k + j] = mu + (float) Math.exp(0.5 * lv) * eps;
            }
        }
    }

    /**
     * Forward and backward pass over rows [r0, r1) of the batch {@code x} (one image per row): writes the gradient
     * of {@code scale * sum of per-image losses} into {@code grad} (same layout as the parameters) and returns
     * the unscaled summed reconstruction loss of these rows.
     */
    public double forwardBackward(KernelSet k, float[] x, int r0, int r1, Loss loss, float scale, Workspace ws,
                                  float[] grad) {
        return forwardBackward(k, x, r0, r1, loss, scale, ws, grad, 0, 0, null);
    }

    /**
     * Same, for a VAE also adding {@code beta} times the KL divergence of each image's code distribution from the
     * prior N(0, I) (Kingma and Welling 2014, appendix B):
     * <pre>KL = -1/2 sum_j (1 + log sigma_j^2 - mu_j^2 - sigma_j^2)</pre>
     * and sampling the codes with noise from {@code noiseSeed}; the summed KL of these rows goes to
     * {@code klOut[0]}. For a plain autoencoder beta, the seed and klOut are ignored.
     */
    public double forwardBackward(KernelSet k, float[] x, int r0, int r1, Loss loss, float scale, Workspace ws,
                                  float[] grad, double beta, long noiseSeed, double[] klOut) {
        return forwardBackward(k, x, x, r0, r1, loss, scale, ws, grad, beta, noiseSeed, klOut);
    }

    /**
     * Same, with the network reading {@code input} but reconstructing {@code target} (a denoising autoencoder,
     * Vincent et al. 2008: the input is a corrupted copy of the target).
     */
    public double forwardBackward(KernelSet k, float[] input, float[] target, int r0, int r1, Loss loss, float scale,
                                  Workspace ws, float[] grad, double beta, long noiseSeed, double[] klOut) {
        float[] x = input;
        boolean vae = architecture.isVariational();
        forward(k, x, r0, r1, ws, loss.needsOutput(), vae, noiseSeed);
        int rows = r1 - r0;
        int d = inputSize();
        int xOff = r0 * d;
        int last = layers.length - 1;
        int e = architecture.encoderLayers();
        double total = loss.lossAndGradient(k, activations[last], ws.z[last], ws.y[last], ws.delta[last], 0,
                target, xOff, rows * d, scale);
        for (int l = last; l >= 0; l--) {
            float[] in = input(l, x, ws);
            int inOff = l == 0 ? xOff : 0;
            layers[l].backwardParams(k.matrix(), in, inOff, ws.delta[l], 0, rows, grad);
            if (l == 0) {
                break;
            }
            if (vae && l == e) {
                layers[l].backwardInput(k.matrix(), params, ws.delta[l], 0, rows, ws.dSample, 0);
                double kl = varianceGradient(ws, rows, beta * scale);
                if (klOut != null) {
                    klOut[0] = kl;
                }
            } else {
                layers[l].backwardInput(k.matrix(), params, ws.delta[l], 0, rows, ws.delta[l - 1], 0);
            }
            activations[l - 1].backward(k.activations(), ws.z[l - 1], ws.y[l - 1], ws.delta[l - 1], ws.delta[l - 1], 0,
                    rows * layers[l - 1].outputs());
        }
        return total;
    }

    /**
     * From dL/dz (the samples) to the gradient with respect to mu and log sigma^2, adding {@code bs} (beta times
     * the batch scale) times the KL gradient: dKL/dmu = mu, dKL/dlogvar = (sigma^2 - 1) / 2. Returns the KL sum.
     */
    private double varianceGradient(Workspace ws, int rows, double bs) {
        int k = latentSize();
        int e = architecture.encoderLayers();
        float[] enc = ws.y[e - 1];
        float[] dEnc = ws.delta[e - 1];
        double kl = 0;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < k; j++) {
                double mu = enc[r * 2 * k + j];
                double lv = enc[r * 2 * k + k + j];
                double var = Math.exp(lv);
                double dz = ws.dSample[r * k + j];
                kl += -0.5 * (1 + lv - mu * mu - var);
                dEnc[r * 2 * k + j] = (float) (dz + bs * mu);
                dEnc[r * 2 * k + k + j] = (float) (dz * ws.eps[r * k + j] * 0.5 * Math.sqrt(var) + bs * 0.5 * (var - 1));
            }
        }
        return kl;
    }

    // ------------------------------------------------------------------ inference

    @Override
    public void encode(float[] x, int xOff, int n, float[] a, int aOff) {
        if (!architecture.isVariational()) {
            run(0, architecture.encoderLayers(), x, xOff, n, a, aOff);
            return;
        }
        // A VAE's code is the mean of its distribution; the log-variances are dropped here.
        int k = latentSize();
        float[] both = new float[n * 2 * k];
        run(0, architecture.encoderLayers(), x, xOff, n, both, 0);
        for (int i = 0; i < n; i++) {
            System.arraycopy(both, i * 2 * k, a, aOff + i * k, k);
        }
    }

    /**
     * A VAE's code distributions: for each of the {@code n} inputs the means (into {@code mu}) and the
     * log-variances (into {@code logVar}), k each. For a plain autoencoder the codes and log-variance -inf.
     */
    public void encodeDistribution(float[] x, int xOff, int n, float[] mu, float[] logVar) {
        int k = latentSize();
        if (!architecture.isVariational()) {
            encode(x, xOff, n, mu, 0);
            java.util.Arrays.fill(logVar, 0, n * k, Float.NEGATIVE_INFINITY);
            return;
        }
        float[] both = new float[n * 2 * k];
        run(0, architecture.encoderLayers(), x, xOff, n, both, 0);
        for (int i = 0; i < n; i++) {
            System.arraycopy(both, i * 2 * k, mu, i * k, k);
            System.arraycopy(both, i * 2 * k + k, logVar, i * k, k);
        }
    }

    @Override
    public void decode(float[] a, int aOff, int n, float[] x, int xOff) {
        run(architecture.encoderLayers(), layers.length, a, aOff, n, x, xOff);
    }

    @Override
    public void reconstruct(float[] x, int xOff, int n, float[] out, int outOff) {
        if (architecture.isVariational()) {
            // Decode the means: the reconstruction a VAE gives without noise.
            float[] a = new float[n * latentSize()];
            encode(x, xOff, n, a, 0);
            decode(a, 0, n, out, outOff);
            return;
        }
        run(0, layers.length, x, xOff, n, out, outOff);
    }

    /** Runs layers [from, to) on n rows, in chunks so that scratch stays small. */
    private void run(int from, int to, float[] in, int inOff, int n, float[] out, int outOff) {
        KernelSet k = KernelSet.get();
        int widest = 0;
        for (int l = from; l < to; l++) {
            widest = Math.max(widest, layers[l].outputs());
        }
        int chunk = Math.min(n, INFERENCE_CHUNK);
        float[][] scratch = SCRATCH.get();
        if (scratch[0].length < chunk * widest) {
            scratch[0] = new float[chunk * widest];
            scratch[1] = new float[chunk * widest];
        }
        float[] bufA = scratch[0];
        float[] bufB = scratch[1];
        int inW = layers[from].inputs();
        int outW = layers[to - 1].outputs();
        for (int r = 0; r < n; r += chunk) {
            int rows = Math.min(chunk, n - r);
            float[] src = in;
            int srcOff = inOff + r * inW;
            for (int l = from; l < to; l++) {
                boolean lastLayer = l == to - 1;
                float[] dst = lastLayer ? out : (src == bufA ? bufB : bufA);
                int dstOff = lastLayer ? outOff + r * outW : 0;
                layers[l].forward(k.matrix(), params, src, srcOff, 0, rows, dst, dstOff);
                activations[l].forward(k.activations(), dst, dst, dstOff, rows * layers[l].outputs());
                src = dst;
                srcOff = dstOff;
            }
        }
    }
}
