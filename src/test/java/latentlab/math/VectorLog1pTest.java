package latentlab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

class VectorLog1pTest {
    private static final int L = VectorLog1p.S.length();

    /** log1p of every lane of {@code x}, through the vector code. */
    private static float[] log1p(float[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i += L) {
            VectorLog1p.log1p(FloatVector.fromArray(VectorLog1p.S, x, i)).intoArray(out, i);
        }
        return out;
    }

    @Test
    void matchesMathLog1pOnTheUnitIntervalToAFewUlp() {
        int n = L * 4096;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) i / (n - 1); // 0 .. 1, across the sqrt 2 switch at 0.414
        }
        float[] y = log1p(x);
        for (int i = 0; i < n; i++) {
            double exact = Math.log1p(x[i]);
            assertEquals(exact, y[i], 4 * Math.ulp((float) exact) + Float.MIN_VALUE, "log1p(" + x[i] + ")");
        }
    }

    @Test
    void keepsRelativeAccuracyWhereOnePlusXRounds() {
        float[] x = new float[L * 4];
        float v = 0.5f;
        for (int i = 0; i < x.length; i++) {
            x[i] = v;
            v *= 0.25f; // down to 2^-(2 * 4L): far below float's epsilon, where fl(1 + x) = 1
        }
        x[x.length - 1] = 0f;
        float[] y = log1p(x);
        for (int i = 0; i < x.length; i++) {
            double exact = Math.log1p(x[i]);
            assertEquals(exact, y[i], 4 * Math.ulp((float) exact), "log1p(" + x[i] + ")");
        }
    }
}
