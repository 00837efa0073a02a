package latentlab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both implementations of the losses against their formulas in double precision. */
class LossKernelsTest {
    static Stream<LossKernels> kernels() {
        return Stream.of(LossKernels.get(), LossKernels.scalar());
    }

    private static float[] random(Random r, int n) {
        return MatrixKernelsTest.random(r, n);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void lossesMatchTheirFormulasIncludingExtremeLogits(LossKernels kern) {
        Random r = new Random(6);
        int n = 1100;
        float[] z = random(r, n);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] *= 8;
            x[i] = r.nextFloat();
        }
        z[0] = 90;
        z[1] = -90;
        x[1] = 1;
        float[] dz = new float[n];
        double loss = kern.bceWithLogits(z, 0, x, 0, dz, 0.5f, n);
        double expected = 0;
        for (int i = 0; i < n; i++) {
            double s = 1 / (1 + Math.exp(-z[i]));
            double li = Math.max(z[i], 0) - x[i] * z[i] + Math.log1p(Math.exp(-Math.abs(z[i])));
            expected += li;
            assertEquals(0.5 * (s - x[i]), dz[i], 1e-6, "dz " + i);
        }
        assertEquals(expected, loss, 1e-6 * expected);
        assertEquals(90, kern.bceWithLogits(z, 1, x, 1, dz, 1f, 1), 1e-4, "-log sigmoid(-90) = 90, no overflow");

        float[] y = random(r, n);
        double se = kern.squaredError(y, 0, x, 0, dz, 0.25f, n);
        double exp2 = 0;
        float[] diff = new float[n];
        for (int i = 0; i < n; i++) {
            diff[i] = y[i] - x[i];
            exp2 += (double) diff[i] * diff[i];
            assertEquals(0.25 * 2 * diff[i], dz[i], 1e-6);
        }
        assertEquals(exp2, se, 1e-6 * exp2);
        assertEquals(exp2, kern.sumOfSquares(diff, 0, n), 1e-6 * exp2);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void rangesOutsideTheArraysAreRefused(LossKernels kern) {
        float[] z = new float[10];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kern.bceWithLogits(z, 0, new float[9], 0, z, 1f, 10));
        assertTrue(e.getMessage().contains("bceWithLogits") && e.getMessage().contains("targets"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> kern.squaredError(z, 1, z, 0, z, 1f, 10));
        assertThrows(IllegalArgumentException.class, () -> kern.sumOfSquares(z, 0, 11));
    }
}
