package latentlab.math;

/** Plain-Java {@link ActivationKernels}: the reference for the vectorised ones, and the fallback. */
final class ScalarActivationKernels implements ActivationKernels {

    @Override
    public void relu(float[] z, float[] y, int off, int len) {
        Shapes.two("relu", z, y, off, len);
        for (int i = off; i < off + len; i++) {
            y[i] = Math.max(0f, z[i]);
        }
    }

    @Override
    public void reluBackward(float[] z, float[] dy, float[] dz, int off, int len) {
        Shapes.three("reluBackward", z, dy, dz, off, len);
        for (int i = off; i < off + len; i++) {
            dz[i] = z[i] > 0 ? dy[i] : 0f;
        }
    }

    @Override
    public void leakyRelu(float slope, float[] z, float[] y, int off, int len) {
        Shapes.two("leakyRelu", z, y, off, len);
        for (int i = off; i < off + len; i++) {
            y[i] = z[i] > 0 ? z[i] : slope * z[i];
        }
    }

    @Override
    public void leakyReluBackward(float slope, float[] z, float[] dy, float[] dz, int off, int len) {
        Shapes.three("leakyReluBackward", z, dy, dz, off, len);
        for (int i = off; i < off + len; i++) {
            dz[i] = z[i] > 0 ? dy[i] : slope * dy[i];
        }
    }

    @Override
    public void elu(float[] z, float[] y, int off, int len) {
        Shapes.two("elu", z, y, off, len);
        for (int i = off; i < off + len; i++) {
            y[i] = z[i] > 0 ? z[i] : (float) Math.expm1(z[i]);
        }
    }

    @Override
    public void eluBackward(float[] y, float[] dy, float[] dz, int off, int len) {
        Shapes.three("eluBackward", y, dy, dz, off, len);
        for (int i = off; i < off + len; i++) {
            dz[i] = y[i] > 0 ? dy[i] : dy[i] * (y[i] + 1f);
        }
    }

    @Override
    public void tanh(float[] z, float[] y, int off, int len) {
        Shapes.two("tanh", z, y, off, len);
        for (int i = off; i < off + len; i++) {
            y[i] = (float) Math.tanh(z[i]);
        }
    }

    @Override
    public void tanhBackward(float[] y, float[] dy, float[] dz, int off, int len) {
        Shapes.three("tanhBackward", y, dy, dz, off, len);
        for (int i = off; i < off + len; i++) {
            dz[i] = dy[i] * (1f - y[i] * y[i]);
        }
    }

    @Override
    public void sigmoid(float[] z, float[] y, int off, int len) {
        Shapes.two("sigmoid", z, y, off, len);
        for (int i = off; i < off + len; i++) {
            y[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
        }
    }

    @Override
    public void sigmoidBackward(float[] y, float[] dy, float[] dz, int off, int len) {
        Shapes.three("sigmoidBackward", y, dy, dz, off, len);
        for (int i = off; i < off + len; i++) {
            dz[i] = dy[i] * y[i] * (1f - y[i]);
        }
    }
}
