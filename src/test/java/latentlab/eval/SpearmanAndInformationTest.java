package latentlab.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Spearman's ρ and the label mutual information against their definitions. */
class SpearmanAndInformationTest {
    @Test
    void ranksShareTies() {
        assertArrayEquals(new double[] {2.5, 1, 4, 2.5}, SpearmanCorrelation.ranks(new double[] {3, 1, 7, 3}), 0);
        assertThrows(IllegalArgumentException.class, () -> SpearmanCorrelation.ranks(new double[] {1, Double.NaN}));
    }

    @Test
    void rhoOfMonotoneReversedAndKnownSeries() {
        double[] x = {1, 2, 3, 4, 5, 6};
        assertEquals(1, SpearmanCorrelation.of(x, new double[] {1, 8, 27, 64, 125, 216}), 1e-12);
        assertEquals(-1, SpearmanCorrelation.of(x, new double[] {9, 7, 5, 3, 1, -10}), 1e-12);
        // ρ = 1 − 6 Σ d² / (n (n² − 1)) without ties: ranks of y are 2 1 4 3 6 5, Σ d² = 6, so ρ = 1 − 36/210.
        assertEquals(1 - 36.0 / 210, SpearmanCorrelation.of(x, new double[] {20, 10, 40, 30, 60, 50}), 1e-12);
        assertEquals(0, SpearmanCorrelation.of(x, new double[] {5, 5, 5, 5, 5, 5}), 0, "a constant tracks nothing");
    }

    @Test
    void informationOfTheLabelItselfIsTheLabelsEntropy() {
        int n = 10_000;
        int[] y = new int[n];
        double[] a = new double[n];
        Random rnd = new Random(3);
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
            a[i] = y[i] + 0.1 * rnd.nextDouble();
        }
        double h = LabelMutualInformation.labelEntropyBits(y, 10);
        assertEquals(Math.log(10) / Math.log(2), h, 1e-12);
        assertEquals(h, LabelMutualInformation.bits(a, y, 10), 1e-9, "ten bins, one class each");
    }

    @Test
    void informationOfNoiseIsNearZero() {
        int n = 20_000;
        int[] y = new int[n];
        double[] a = new double[n];
        Random rnd = new Random(4);
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(10);
            a[i] = rnd.nextGaussian();
        }
        double bits = LabelMutualInformation.bits(a, y, 10);
        // The plug-in estimate's bias is about (bins − 1)(classes − 1) / (2 n ln 2) = 0.003 bits here.
        assertTrue(bits >= 0 && bits < 0.01, "noise tells nothing: " + bits);
    }

    @Test
    void halfTheLabelsIsOneBit() {
        int n = 4000;
        int[] y = new int[n];
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4;
            a[i] = y[i] < 2 ? -1 - i * 1e-6 : 1 + i * 1e-6;
        }
        assertEquals(1, LabelMutualInformation.bits(a, y, 4), 1e-9, "knowing the sign of a halves the choice");
    }
}
