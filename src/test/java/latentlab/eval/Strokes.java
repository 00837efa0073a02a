package latentlab.eval;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;

/**
 * Images whose generating factors are known: pen strokes of a given slant and thickness, a "decoder" that draws the
 * stroke of a code (slant / 10, thickness), and a data set of random strokes with those codes.
 */
public final class Strokes {
    /** Side of the images. */
    public static final int SIZE = 24;

    private Strokes() {
    }

    /**
     * A pen stroke 16 px long through the centre, turned {@code degrees} from upright (top to the right), {@code width}
     * wide.
     */
    public static void draw(float[] out, int offset, double degrees, double width) {
        double c = SIZE / 2.0;
        double half = 8;
        double a = Math.toRadians(degrees);
        // The stroke's centre line runs from (x0, y0) at the top to (x0 + dx, y0 + dy) at the bottom.
        double x0 = c + half * Math.sin(a);
        double y0 = c - half * Math.cos(a);
        double dx = -2 * half * Math.sin(a);
        double dy = 2 * half * Math.cos(a);
        double len2 = dx * dx + dy * dy;
        int sub = 4;
        for (int r = 0; r < SIZE; r++) {
            for (int col = 0; col < SIZE; col++) {
                int in = 0;
                for (int i = 0; i < sub; i++) {
                    for (int j = 0; j < sub; j++) {
                        double y = r + (i + 0.5) / sub;
                        double x = col + (j + 0.5) / sub;
                        double s = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
                        if (Math.hypot(x - x0 - s * dx, y - y0 - s * dy) <= width / 2) {
                            in++;
                        }
                    }
                }
                out[offset + r * SIZE + col] = (float) in / (sub * sub);
            }
        }
    }

    /** A "decoder" that draws the stroke of a = (slant in degrees / 10, thickness). */
    public static class Codec implements latentlab.nn.Codec {
        @Override
        public int inputSize() {
            return SIZE * SIZE;
        }

        @Override
        public int latentSize() {
            return 2;
        }

        @Override
        public String describe() {
            return "stroke drawer";
        }

        @Override
        public void encode(float[] x, int xOff, int n, float[] a, int aOff) {
            throw new UnsupportedOperationException("the test gives the codes");
        }

        @Override
        public void decode(float[] a, int aOff, int n, float[] x, int xOff) {
            for (int i = 0; i < n; i++) {
                draw(x, xOff + i * SIZE * SIZE, 10 * a[aOff + 2 * i], a[aOff + 2 * i + 1]);
            }
        }
    }


    /** {@code n} random strokes (slant −30° to 30°, thickness 1.5 to 4.5 px), labelled 1 if they lean right. */
    public static Dataset images(int n, long seed, float[] codesOut) {
        java.util.Random rnd = new java.util.Random(seed);
        byte[] pixels = new byte[n * SIZE * SIZE];
        byte[] labels = new byte[n];
        float[] img = new float[SIZE * SIZE];
        for (int i = 0; i < n; i++) {
            double slant = -30 + 60 * rnd.nextDouble();
            double width = 1.5 + 3 * rnd.nextDouble();
            if (codesOut != null) {
                codesOut[2 * i] = (float) (slant / 10);
                codesOut[2 * i + 1] = (float) width;
            }
            labels[i] = (byte) (slant > 0 ? 1 : 0);
            draw(img, 0, slant, width);
            for (int p = 0; p < img.length; p++) {
                pixels[i * img.length + p] = (byte) Math.round(img[p] * 255);
            }
        }
        return new Dataset("strokes", SIZE, SIZE, pixels, labels);
    }

    /** The morphometrics of {@code data}. */
    public static MorphometricTable measure(Dataset data, ComputePool pool) {
        return MorphometricTable.measure(data, pool, Progress.NONE);
    }
}
