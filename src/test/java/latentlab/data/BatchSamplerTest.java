package latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class BatchSamplerTest {
    /** 10 images of 1 x 1 whose pixel identifies the image (i * 20) and label is i. */
    private static Dataset tiny() {
        byte[] px = new byte[10];
        byte[] lab = new byte[10];
        for (int i = 0; i < 10; i++) {
            px[i] = (byte) (i * 20);
            lab[i] = (byte) i;
        }
        return new Dataset("tiny", 1, 1, px, lab);
    }

    private static List<Integer> epoch(BatchSampler s) {
        List<Integer> seen = new ArrayList<>();
        float[] x = new float[4];
        int[] l = new int[4];
        do {
            int n = s.next(x, l);
            for (int b = 0; b < n; b++) {
                assertEquals(l[b] * 20 / 255f, x[b], 1e-6, "pixels travel with their label");
                seen.add(l[b]);
            }
        } while (!s.atEpochEnd());
        return seen;
    }

    @Test
    void everyImageOncePerEpochWithASmallerLastBatch() {
        BatchSampler s = new BatchSampler(tiny(), 4, 1);
        assertEquals(3, s.batchesPerEpoch());
        float[] x = new float[4];
        assertEquals(4, s.next(x, null));
        assertEquals(4, s.next(x, null));
        assertEquals(2, s.next(x, null));
        assertTrue(s.atEpochEnd());
        assertEquals(0, s.epoch());
        assertEquals(4, s.next(x, null));
        assertEquals(1, s.epoch());
        BatchSampler t = new BatchSampler(tiny(), 4, 1);
        List<Integer> e = epoch(t);
        List<Integer> sorted = new ArrayList<>(e);
        sorted.sort(null);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), sorted);
    }

    @Test
    void sameSeedSameOrderOtherSeedOtherOrderAndEpochsReshuffle() {
        List<Integer> a = epoch(new BatchSampler(tiny(), 4, 7));
        List<Integer> b = epoch(new BatchSampler(tiny(), 4, 7));
        List<Integer> c = epoch(new BatchSampler(tiny(), 4, 8));
        assertEquals(a, b);
        assertNotEquals(a, c);
        BatchSampler s = new BatchSampler(tiny(), 4, 7);
        List<Integer> first = epoch(s);
        List<Integer> second = epoch(s);
        assertNotEquals(first, second);
    }

    @Test
    void savedStateContinuesExactly() {
        BatchSampler s = new BatchSampler(tiny(), 3, 5);
        float[] x = new float[3];
        s.next(x, null);
        s.next(x, null);
        BatchSampler.State st = s.state();
        List<Float> expected = new ArrayList<>();
        List<Float> actual = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = s.next(x, null);
            for (int b = 0; b < n; b++) {
                expected.add(x[b]);
            }
        }
        BatchSampler r = new BatchSampler(tiny(), 3, 999);
        r.restore(st);
        for (int i = 0; i < 10; i++) {
            Arrays.fill(x, -1);
            int n = r.next(x, null);
            for (int b = 0; b < n; b++) {
                actual.add(x[b]);
            }
        }
        assertEquals(expected, actual);
        assertTrue(expected.size() > 20);
        assertFalse(Arrays.equals(st.order(), new int[0]));
    }

    @Test
    void batchSizeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(tiny(), 0, 1));
    }
}
