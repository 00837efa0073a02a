package latentlab.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SimilarityTest {
    @Test
    void registryFindsEveryMeasureByNameAndAlias() {
        assertEquals(List.of(Similarity.INNER_PRODUCT, Similarity.COSINE, Similarity.EUCLIDEAN), Similarity.all());
        for (Similarity s : Similarity.all()) {
            assertSame(s, Similarity.byName(s.name()));
            assertSame(s, Similarity.byName(" " + s.name().toUpperCase() + " "));
            assertTrue(!s.label().isBlank() && !s.valueName().isBlank());
        }
        assertSame(Similarity.INNER_PRODUCT, Similarity.byName("dot"));
        assertSame(Similarity.EUCLIDEAN, Similarity.byName("distance"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Similarity.byName("manhattan"));
        assertTrue(e.getMessage().contains("unknown similarity 'manhattan'") && e.getMessage().contains("cosine"),
                e.getMessage());
    }

    @Test
    void scoresAreHigherForMoreSimilarVectors() {
        float[] a = {3, 4};
        float[] b = {6, 8};
        float[] c = {-4, 3};
        assertEquals(50, Similarity.INNER_PRODUCT.score(a, b), 0);
        assertEquals(0, Similarity.INNER_PRODUCT.score(a, c), 0);
        assertEquals(1, Similarity.COSINE.score(a, b), 1e-15);
        assertEquals(0, Similarity.COSINE.score(a, c), 1e-15);
        assertEquals(-1, Similarity.COSINE.score(a, new float[] {-3, -4}), 1e-15);
        assertEquals(-5, Similarity.EUCLIDEAN.score(a, b), 1e-15);
        assertEquals(5, Similarity.EUCLIDEAN.displayValue(Similarity.EUCLIDEAN.score(a, b)), 1e-15);
        assertEquals(0, Similarity.EUCLIDEAN.score(a, a), 0);
        assertTrue(Similarity.EUCLIDEAN.score(a, b) > Similarity.EUCLIDEAN.score(a, c), "nearer scores higher");
        assertEquals(50, Similarity.INNER_PRODUCT.displayValue(50), 0);
    }

    @Test
    void theCosineOfAZeroVectorIsZero() {
        assertEquals(0, Similarity.COSINE.score(new float[] {0, 0}, new float[] {1, 2}), 0);
        assertEquals(0, Similarity.COSINE.fromInnerProduct(0, 0, 5), 0);
    }

    @Test
    void differentLengthsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Similarity.COSINE.score(new float[2], new float[3]));
        assertTrue(e.getMessage().contains("lengths: 2 and 3"), e.getMessage());
    }

    @Test
    void theExpansionOfTheDistanceNeverGoesNegative() {
        // ||q||^2 + ||x||^2 - 2 q.x rounded below zero for a near-duplicate: distance 0, not NaN.
        assertEquals(0f, Similarity.EUCLIDEAN.fromInnerProduct(100.00001f, 100f, 100f), 0f);
        assertEquals(-3f, Similarity.EUCLIDEAN.fromInnerProduct(0f, 4f, 5f), 0f);
    }
}
