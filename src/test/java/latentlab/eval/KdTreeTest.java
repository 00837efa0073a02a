package latentlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class KdTreeTest {
    /** The k nearest by a full sort on (exact squared distance, index). */
    private static int[] bruteForce(float[] pts, int dims, float[] q, int qo, int k) {
        int n = pts.length / dims;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < dims; j++) {
                double diff = (double) q[qo + j] - pts[i * dims + j];
                s += diff * diff;
            }
            d[i] = s;
        }
        return IntStream.range(0, n).boxed().sorted(Comparator.<Integer>comparingDouble(i -> d[i])
                .thenComparingInt(i -> i)).limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void findsTheSameNeighboursInTheSameOrderAsAFullSort() {
        Random r = new Random(20261205);
        for (int trial = 0; trial < 60; trial++) {
            int dims = 1 + r.nextInt(8);
            int n = 1 + r.nextInt(trial < 10 ? 40 : 3000);
            int k = 1 + r.nextInt(10);
            // Half the trials on a coarse grid: many equal coordinates, equal distances and duplicate points.
            boolean grid = trial % 2 == 0;
            float[] pts = new float[n * dims];
            for (int i = 0; i < pts.length; i++) {
                pts[i] = grid ? r.nextInt(5) : (float) r.nextGaussian() * 3;
            }
            KdTree tree = new KdTree(pts, dims);
            KdTree.Neighbours found = new KdTree.Neighbours(k);
            float[] q = new float[dims];
            for (int query = 0; query < 40; query++) {
                for (int j = 0; j < dims; j++) {
                    q[j] = grid ? r.nextInt(6) - 0.5f * r.nextInt(2) : (float) r.nextGaussian() * 3;
                }
                tree.nearest(q, 0, found);
                int[] expected = bruteForce(pts, dims, q, 0, k);
                int[] got = new int[found.count()];
                for (int j = 0; j < got.length; j++) {
                    got[j] = found.index(j);
                }
                assertEquals(Arrays.toString(expected), Arrays.toString(got),
                        "trial " + trial + " (dims " + dims + ", n " + n + ", k " + k + ") query " + query);
            }
        }
    }

    @Test
    void manyEqualPointsMakeOneLeafNotADeepTree() {
        float[] pts = new float[100_000 * 2];
        Arrays.fill(pts, 1.5f);
        KdTree tree = new KdTree(pts, 2);
        KdTree.Neighbours found = new KdTree.Neighbours(3);
        tree.nearest(new float[] {0, 0}, 0, found);
        assertEquals(3, found.count());
        assertEquals(0, found.index(0));
        assertEquals(2, found.index(2));
        assertEquals(4.5, found.distance(0), 1e-12);
    }

    @Test
    void refusesPointsThatDoNotFitTheSize() {
        assertThrows(IllegalArgumentException.class, () -> new KdTree(new float[5], 2));
        assertThrows(IllegalArgumentException.class, () -> new KdTree.Neighbours(0));
    }
}
