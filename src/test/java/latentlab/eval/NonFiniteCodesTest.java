package latentlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.compute.ComputePool;
import org.junit.jupiter.api.Test;

/**
 * Codes that are NaN, infinite or too large to square are named, never compared: a network with finite weights
 * can still overflow on some inputs, and nearest neighbours of NaN used to be no neighbour at all (an index of -1).
 */
class NonFiniteCodesTest {
    private static final float[] TRAIN = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
    private static final int[] LABELS = {0, 0, 1, 1, 2, 2};

    @Test
    void nearestNeighboursRefuseCodesTheyCannotCompare() {
        try (ComputePool pool = new ComputePool(1)) {
            KnnClassifier knn = new KnnClassifier(TRAIN, LABELS, 2, 3);
            assertEquals(1.0, knn.accuracy(new float[] {0.1f, 0, 5, 5.2f}, new int[] {0, 2}, pool));
            String nan = assertThrows(IllegalArgumentException.class,
                    () -> knn.accuracy(new float[] {Float.NaN, 0, 5, 5}, new int[] {0, 2}, pool)).getMessage();
            assertTrue(nan.contains("1 of the 2 test codes are NaN, infinite or too large"), nan);
            String huge = assertThrows(IllegalArgumentException.class,
                    () -> knn.predict(new float[] {3e19f, 0}, pool)).getMessage();
            assertTrue(huge.contains("too large"), huge);
            float[] badTrain = TRAIN.clone();
            badTrain[5] = Float.POSITIVE_INFINITY;
            String train = assertThrows(IllegalArgumentException.class,
                    () -> new KnnClassifier(badTrain, LABELS, 2, 3)).getMessage();
            assertTrue(train.contains("1 of the 6 training codes"), train);
        }
    }

    @Test
    void codesThatAreNotFiniteAreCountedAndTheFirstNamed() {
        Encoding.checkFinite(TRAIN, 2, "training images");
        float[] codes = TRAIN.clone();
        codes[7] = Float.NaN;
        codes[9] = Float.NEGATIVE_INFINITY;
        codes[8] = Float.NaN;
        String m = assertThrows(IllegalArgumentException.class, () -> Encoding.checkFinite(codes, 2, "test images"))
                .getMessage();
        assertEquals("the codes of 2 of the 6 test images are NaN or infinite (the first: image 3): the network "
                + "overflows on them, so their codes mean nothing", m);
    }
}
