package latentlab.math;

/**
 * Compiles the kernels before they are needed. Vector API code runs fast only once the JIT's optimising compiler
 * has turned it into SIMD instructions; before that every vector operation allocates, and the window's first map
 * (10,000 images through the encoder) took about 1.5 s instead of 0.15 s. Running the kernels on small matrices
 * in the background while JavaFX starts and the data set loads gets that compilation done in time.
 */
public final class WarmUp {
    private WarmUp() {
    }

    /** Starts warming up on a daemon thread; returns at once. */
    public static void startInBackground() {
        Thread t = new Thread(WarmUp::run, "latentlab-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Runs the matrix and element-wise kernels a few hundred times on layer-sized matrices. */
    public static void run() {
        Kernels k = Kernels.get();
        int m = 64;
        int[][] shapes = {{784, 256}, {256, 64}, {64, 2}, {2, 64}, {64, 256}, {256, 784}};
        java.util.Random r = new java.util.Random(1);
        long end = System.nanoTime() + 2_000_000_000L;
        for (int rep = 0; rep < 40 && System.nanoTime() < end; rep++) {
            for (int[] s : shapes) {
                int in = s[0];
                int out = s[1];
                float[] x = new float[m * in];
                float[] w = new float[in * out + out];
                float[] z = new float[m * out];
                for (int i = 0; i < x.length; i += 7) {
                    x[i] = r.nextFloat();
                }
                k.gemm(0, m, out, in, x, 0, in, 1, w, 0, out, z, 0, out, w, in * out, false);
                k.relu(z, z, 0, z.length);
                k.sigmoid(z, z, 0, z.length);
                k.gemmNT(0, m, in, out, z, 0, out, w, 0, out, x, 0, in, false);
                k.gemm(0, in, out, m, x, 0, 1, in, z, 0, out, w, 0, out, null, 0, false);
            }
        }
    }
}
