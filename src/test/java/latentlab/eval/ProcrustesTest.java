package latentlab.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Orthogonal Procrustes finds a known rotation or reflection, and turns a set about its own centre. */
class ProcrustesTest {
    private static final int N = 200;

    /** A lopsided cloud (no symmetry that would make the answer ambiguous), n x 2, row-major. */
    private static float[] cloud() {
        Random r = new Random(7);
        float[] p = new float[2 * N];
        for (int i = 0; i < N; i++) {
            p[2 * i] = (float) (3 * r.nextGaussian() + 1);
            p[2 * i + 1] = (float) (r.nextGaussian() + 0.3 * p[2 * i] * p[2 * i] - 2);
        }
        return p;
    }

    /** Each row x turned by the 2 x 2 matrix m: y = m x. */
    private static float[] apply(float[] p, double[] m, double dx, double dy) {
        float[] q = new float[p.length];
        for (int i = 0; i < p.length / 2; i++) {
            double x = p[2 * i];
            double y = p[2 * i + 1];
            q[2 * i] = (float) (m[0] * x + m[1] * y + dx);
            q[2 * i + 1] = (float) (m[2] * x + m[3] * y + dy);
        }
        return q;
    }

    @Test
    void findsTheRotationThatTurnsAMomentBackOntoTheReference() {
        float[] b = cloud();
        double t = Math.toRadians(130);
        double[] turn = {Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t)};
        // This moment's codes are the reference turned by 130 degrees (and moved): R must undo the turn.
        float[] a = apply(b, turn, 5, -4);
        double[] r = Procrustes.rotation(a, b, N, 2);
        double[] back = {Math.cos(-t), -Math.sin(-t), Math.sin(-t), Math.cos(-t)};
        assertArrayEquals(back, r, 1e-5);
    }

    @Test
    void findsAReflection() {
        float[] b = cloud();
        // A flip of the x axis: its own inverse, with determinant -1.
        double[] flip = {-1, 0, 0, 1};
        float[] a = apply(b, flip, 0, 0);
        double[] r = Procrustes.rotation(a, b, N, 2);
        assertArrayEquals(flip, r, 1e-5);
        assertEquals(-1, r[0] * r[3] - r[1] * r[2], 1e-9, "a reflection, not a rotation");
    }

    @Test
    void alignTurnsTheSetAboutItsOwnCentre() {
        float[] b = cloud();
        double t = Math.toRadians(-75);
        double[] turn = {Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t)};
        float[] a = apply(b, turn, 10, 20);
        float[] aligned = Procrustes.align(a, b, N, 2);
        // The same shape as the reference, placed where the moment's codes are: b moved by a's centre minus b's.
        double[] ma = mean(a);
        double[] mb = mean(b);
        float[] expected = apply(b, new double[] {1, 0, 0, 1}, ma[0] - mb[0], ma[1] - mb[1]);
        assertArrayEquals(expected, aligned, 1e-3f);
    }

    @Test
    void theIdentityWhenTheCodesAreNotFinite() {
        float[] a = cloud();
        float[] b = cloud();
        b[3] = Float.NaN;
        assertArrayEquals(new double[] {1, 0, 0, 1}, Procrustes.rotation(a, b, N, 2), 0);
    }

    private static double[] mean(float[] p) {
        double[] m = new double[2];
        for (int i = 0; i < N; i++) {
            m[0] += p[2 * i] / N;
            m[1] += p[2 * i + 1] / N;
        }
        return m;
    }
}
