package latentlab.math;

/**
 * Plain-Java kernels: the reference the vectorised ones are tested against, and the fallback when the JVM was
 * started without the Vector API. Inner loops are simple enough for HotSpot's auto-vectoriser.
 */
final class ScalarKernels implements Kernels {

    @Override
    public String description() {
        return "plain Java (start the JVM with --add-modules jdk.incubator.vector for SIMD kernels)";
    }

    @Override
    public void gemm(int m0, int m1, int n, int k, float[] a, int aOff, int aRow, int aCol,
                     float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                     float[] bias, int biasOff, boolean accumulate) {
        for (int i = m0; i < m1; i++) {
            int ci = cOff + i * ldc;
            if (!accumulate) {
                if (bias == null) {
                    java.util.Arrays.fill(c, ci, ci + n, 0f);
                } else {
                    System.arraycopy(bias, biasOff, c, ci, n);
                }
            } else if (bias != null) {
                axpy(1f, bias, biasOff, c, ci, n);
            }
            int ai = aOff + i * aRow;
            for (int p = 0; p < k; p++) {
                axpy(a[ai + p * aCol], b, bOff + p * ldb, c, ci, n);
            }
        }
    }

    @Override
    public void gemmNT(int m0, int m1, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = m0; i < m1; i++) {
            int ai = aOff + i * lda;
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                float s = dot(a, ai, b, bOff + j * ldb, k);
                c[ci + j] = accumulate ? c[ci + j] + s : s;
            }
        }
    }

    private static float dot(float[] x, int xo, float[] y, int yo, int len) {
        float s = 0;
        for (int p = 0; p < len; p++) {
            s += x[xo + p] * y[yo + p];
        }
        return s;
    }

    @Override
    public void relu(float[] z, float[] y, int off, int len) {
        for (int i = off; i < off + len; i++) {
            y[i] = Math.max(0f, z[i]);
        }
    }

    @Override
    public void reluBackward(float[] z, float[] dy, float[] dz, int off, int len) {
        for (int i = off; i < off + len; i++) {
            dz[i] = z[i] > 0 ? dy[i] : 0f;
        }
    }

    @Override
    public void leakyRelu(float slope, float[] z, float[] y, int off, int len) {
        for (int i = off; i < off + len; i++) {
            y[i] = z[i] > 0 ? z[i] : slope * z[i];
        }
    }

    @Override
    public void leakyReluBackward(float slope, float[] z, float[] dy, float[] dz, int off, int len) {
        for (int i = off; i < off + len; i++) {
            dz[i] = z[i] > 0 ? dy[i] : slope * dy[i];
        }
    }

    @Override
    public void tanh(float[] z, float[] y, int off, int len) {
        for (int i = off; i < off + len; i++) {
            y[i] = (float) Math.tanh(z[i]);
        }
    }

    @Override
    public void tanhBackward(float[] y, float[] dy, float[] dz, int off, int len) {
        for (int i = off; i < off + len; i++) {
            dz[i] = dy[i] * (1f - y[i] * y[i]);
        }
    }

    @Override
    public void sigmoid(float[] z, float[] y, int off, int len) {
        for (int i = off; i < off + len; i++) {
            y[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
        }
    }

    @Override
    public void sigmoidBackward(float[] y, float[] dy, float[] dz, int off, int len) {
        for (int i = off; i < off + len; i++) {
            dz[i] = dy[i] * y[i] * (1f - y[i]);
        }
    }

    @Override
    public double bceWithLogits(float[] z, int zOff, float[] x, int xOff, float[] dz, float scale, int len) {
        double sum = 0;
        for (int i = 0; i < len; i++) {
            double zi = z[zOff + i];
            double xi = x[xOff + i];
            double e = Math.exp(-Math.abs(zi));
            sum += Math.max(zi, 0) - xi * zi + Math.log1p(e);
            double s = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
            dz[zOff + i] = (float) (scale * (s - xi));
        }
        return sum;
    }

    @Override
    public double squaredError(float[] y, int yOff, float[] x, int xOff, float[] dy, float scale, int len) {
        double sum = 0;
        for (int i = 0; i < len; i++) {
            float r = y[yOff + i] - x[xOff + i];
            sum += (double) r * r;
            dy[yOff + i] = scale * 2f * r;
        }
        return sum;
    }

    @Override
    public void columnSums(float[] m, int off, int rows, int cols, int ld, float[] out, int outOff,
                           boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(out, outOff, outOff + cols, 0f);
        }
        for (int i = 0; i < rows; i++) {
            axpy(1f, m, off + i * ld, out, outOff, cols);
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public double sumOfSquares(float[] x, int off, int len) {
        double s = 0;
        for (int i = off; i < off + len; i++) {
            s += (double) x[i] * x[i];
        }
        return s;
    }

    @Override
    public void adam(float[] p, float[][] grads, float[] m, float[] v, int from, int to,
                     float beta1, float beta2, float stepSize, float epsHat, float decay) {
        float c1 = 1f - beta1;
        float c2 = 1f - beta2;
        for (int i = from; i < to; i++) {
            float g = decay * p[i];
            for (float[] gr : grads) {
                g += gr[i];
            }
            float mi = beta1 * m[i] + c1 * g;
            float vi = beta2 * v[i] + c2 * g * g;
            m[i] = mi;
            v[i] = vi;
            p[i] -= stepSize * mi / ((float) Math.sqrt(vi) + epsHat);
        }
    }

    @Override
    public void sgd(float[] p, float[][] grads, float[] u, int from, int to, float lr, float momentum, float decay) {
        for (int i = from; i < to; i++) {
            float g = decay * p[i];
            for (float[] gr : grads) {
                g += gr[i];
            }
            float ui = momentum * u[i] + g;
            u[i] = ui;
            p[i] -= lr * ui;
        }
    }

    @Override
    public void addTo(float[] x, int xOff, int[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) {
            y[yOff + i] += (int) x[xOff + i];
        }
    }

    @Override
    public void scanImage(byte[] x, int off, byte[] reference, byte[] changed, byte[] inked, int len) {
        for (int j = 0; j < len; j++) {
            byte v = x[off + j];
            changed[j] |= (byte) (v ^ reference[j]);
            inked[j] += (byte) (v == 0 ? 0 : 1);
        }
    }
}
