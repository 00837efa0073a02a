package latentlab.nn;

/**
 * The one interface every model in Latent Lab implements: an encoder g: R^d -> R^k and a decoder h: R^k -> R^d.
 * The autoencoder and PCA both implement it, so every view (scatter, sliders, reconstructions, manifold grid)
 * works on either without special cases.
 *
 * <p>Implementations are immutable or treat their weights as read-only, so any thread may call them at any time;
 * the batched methods write into caller-supplied arrays.
 */
public interface Codec {
    /** d, the number of input values (pixels). */
    int inputSize();

    /** k, the size of the code (the bottleneck). */
    int latentSize();

    /** A short description for the UI, e.g. "autoencoder 784-256-64-2" or "PCA, k = 2". */
    String describe();

    /** Encodes {@code n} inputs stored one after the other from {@code x[xOff]} into codes from {@code a[aOff]}. */
    void encode(float[] x, int xOff, int n, float[] a, int aOff);

    /** Decodes {@code n} codes from {@code a[aOff]} into outputs from {@code x[xOff]}. */
    void decode(float[] a, int aOff, int n, float[] x, int xOff);

    /** g(x) for one input. */
    default float[] encode(float[] x) {
        float[] a = new float[latentSize()];
        encode(x, 0, 1, a, 0);
        return a;
    }

    /** h(a) for one code. */
    default float[] decode(float[] a) {
        float[] x = new float[inputSize()];
        decode(a, 0, 1, x, 0);
        return x;
    }

    /** h(g(x)) for {@code n} inputs. */
    default void reconstruct(float[] x, int xOff, int n, float[] out, int outOff) {
        float[] a = new float[n * latentSize()];
        encode(x, xOff, n, a, 0);
        decode(a, 0, n, out, outOff);
    }
}
