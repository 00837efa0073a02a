package latentlab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both implementations of the non-linearities against their formulas in double precision. */
class ActivationKernelsTest {
    static Stream<ActivationKernels> kernels() {
        return Stream.of(ActivationKernels.get(), ActivationKernels.scalar());
    }

    private static float[] random(Random r, int n) {
        return MatrixKernelsTest.random(r, n);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void elementwiseOperationsMatchTheirFormulas(ActivationKernels kern) {
        Random r = new Random(5);
        int n = 77;
        float[] z = random(r, n);
        z[3] = 30;
        z[4] = -30;
        z[5] = 0;
        float[] dy = random(r, n);
        float[] y = new float[n];
        float[] dz = new float[n];
        kern.relu(z, y, 1, n - 2);
        kern.reluBackward(z, dy, dz, 1, n - 2);
        for (int i = 1; i < n - 1; i++) {
            assertEquals(Math.max(0, z[i]), y[i]);
            assertEquals(z[i] > 0 ? dy[i] : 0f, dz[i]);
        }
        assertEquals(0f, y[0], "outside the range untouched");
        kern.leakyRelu(0.1f, z, y, 0, n);
        kern.leakyReluBackward(0.1f, z, dy, dz, 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(z[i] > 0 ? z[i] : 0.1f * z[i], y[i], 1e-7);
            assertEquals(z[i] > 0 ? dy[i] : 0.1f * dy[i], dz[i], 1e-7);
        }
        kern.elu(z, y, 0, n);
        kern.eluBackward(y, dy, dz, 0, n);
        for (int i = 0; i < n; i++) {
            double e = z[i] > 0 ? z[i] : Math.expm1(z[i]);
            assertEquals(e, y[i], 2e-7 * Math.max(1, Math.abs(e)), "elu(" + z[i] + ")");
            assertEquals(z[i] > 0 ? dy[i] : dy[i] * Math.exp(z[i]), dz[i], 2e-6, "elu'(" + z[i] + ")");
        }
        kern.tanh(z, y, 0, n);
        kern.tanhBackward(y, dy, dz, 0, n);
        for (int i = 0; i < n; i++) {
            double t = Math.tanh(z[i]);
            assertEquals(t, y[i], 2e-6);
            assertEquals(dy[i] * (1 - t * t), dz[i], 2e-6);
        }
        kern.sigmoid(z, y, 0, n);
        kern.sigmoidBackward(y, dy, dz, 0, n);
        for (int i = 0; i < n; i++) {
            double s = 1 / (1 + Math.exp(-z[i]));
            assertEquals(s, y[i], 2e-7);
            assertEquals(dy[i] * s * (1 - s), dz[i], 2e-6);
        }
    }

    @Test
    void vectorExpIsAccurateAndSaturatesWithoutOverflow() {
        if (!KernelSelector.vectorApiPresent()) {
            return;
        }
        int n = 4096;
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = -100f + 200f * i / (n - 1);
        }
        float[] y = new float[n];
        ActivationKernels.get().sigmoid(z, y, 0, n);
        for (int i = 0; i < n; i++) {
            double s = 1 / (1 + Math.exp(-z[i]));
            assertEquals(s, y[i], 1.5e-7 * Math.max(1e-30, s) + 1e-38, "sigmoid(" + z[i] + ")");
            assertTrue(Float.isFinite(y[i]));
        }
        float[] e = new float[n];
        float[] probe = new float[n];
        for (int i = 0; i < n; i++) {
            probe[i] = -87f + 175f * i / (n - 1);
        }
        for (int i = 0; i + 16 <= n; i += 16) {
            jdk.incubator.vector.FloatVector v = jdk.incubator.vector.FloatVector.fromArray(
                    jdk.incubator.vector.FloatVector.SPECIES_PREFERRED, probe, i);
            VectorExp.exp(v).intoArray(e, i);
        }
        for (int i = 0; i + 16 <= n; i++) {
            double exact = Math.exp(probe[i]);
            assertEquals(exact, e[i], 2.5e-7 * exact, "exp(" + probe[i] + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void rangesOutsideTheArraysAreRefused(ActivationKernels kern) {
        float[] z = new float[10];
        float[] y = new float[8];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kern.relu(z, y, 0, 10));
        assertTrue(e.getMessage().contains("relu") && e.getMessage().contains("[0, 10)")
                && e.getMessage().contains("holds 8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> kern.sigmoidBackward(z, z, y, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> kern.tanh(z, z, -1, 2));
        kern.relu(z, y, 2, 6);
    }
}
