package latentlab.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import latentlab.math.Rng;
import org.junit.jupiter.api.Test;

class ReconstructionRankingTest {
    @Test
    void worstFirstThenIndexOrderWithNaNOnTop() {
        float[] e = {3, 7, Float.NaN, 7, 1, Float.POSITIVE_INFINITY, 0, Float.NaN};
        assertArrayEquals(new int[] {2, 7, 5, 1, 3, 0, 4, 6}, ReconstructionRanking.worstFirst(e));
        assertArrayEquals(new int[] {2, 7, 5}, ReconstructionRanking.worst(e, 3));
        assertArrayEquals(new int[] {2}, ReconstructionRanking.worst(e, 1));
        assertArrayEquals(new int[0], ReconstructionRanking.worst(e, 0));
        assertArrayEquals(new int[0], ReconstructionRanking.worstFirst(new float[0]));
        assertArrayEquals(new float[] {7, 3}, ReconstructionRanking.errorsOf(e, new int[] {1, 0}), 0f);
        assertThrows(IllegalArgumentException.class, () -> ReconstructionRanking.worst(e, -1));
    }

    @Test
    void agreesWithAFullSort() {
        Rng rng = new Rng(3);
        float[] e = new float[5000];
        for (int i = 0; i < e.length; i++) {
            e[i] = rng.nextInt(300) / 4f; // many ties
        }
        int[] sorted = IntStream.range(0, e.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -e[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        assertArrayEquals(sorted, ReconstructionRanking.worstFirst(e));
        assertArrayEquals(Arrays.copyOf(sorted, 20), ReconstructionRanking.worst(e, 20));
    }
}
