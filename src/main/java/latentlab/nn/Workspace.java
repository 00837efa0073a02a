package latentlab.nn;

/**
 * Scratch arrays for training one slice of a minibatch: per layer the pre-activations Z, the activations Y
 * (the same array as Z after an identity layer) and the deltas dL/dZ. One per training thread, reused for
 * every batch, so training allocates nothing per step.
 */
public final class Workspace {
    final int capacity;
    final float[][] z;
    final float[][] y;
    final float[][] delta;
    /** VAE only: the noise, the sampled codes the decoder reads, and the gradient with respect to them. */
    final float[] eps;
    final float[] sample;
    final float[] dSample;

    /** Scratch for up to {@code rows} rows of {@code architecture}. */
    public Workspace(Architecture architecture, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be positive");
        }
        int layers = architecture.layerCount();
        this.capacity = rows;
        this.z = new float[layers][];
        this.y = new float[layers][];
        this.delta = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int out = architecture.layerShape(l)[1];
            z[l] = new float[rows * out];
            y[l] = architecture.activation(l).isIdentity() ? z[l] : new float[rows * out];
            delta[l] = new float[rows * out];
        }
        int k = architecture.latentSize();
        boolean vae = architecture.isVariational();
        eps = vae ? new float[rows * k] : null;
        sample = vae ? new float[rows * k] : null;
        dSample = vae ? new float[rows * k] : null;
    }

    /** How many rows this workspace holds. */
    public int capacity() {
        return capacity;
    }

    /** Activations of layer {@code l} after the last forward pass (rows x outputs). */
    public float[] activations(int l) {
        return y[l];
    }

    /** Pre-activations of layer {@code l} after the last forward pass. */
    public float[] preActivations(int l) {
        return z[l];
    }
}
