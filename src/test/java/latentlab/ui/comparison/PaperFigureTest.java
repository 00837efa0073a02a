package latentlab.ui.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.data.Dataset;
import latentlab.nn.Codec;
import org.junit.jupiter.api.Test;

/** Fig. 2A's digits: the first test image of each class and each reconstruction's squared error. */
class PaperFigureTest {
    /** Reconstructs every pixel as {@code value} (or as itself when {@code value} is NaN). */
    private static Codec constant(float value) {
        return new Codec() {
            @Override
            public int inputSize() {
                return 4;
            }

            @Override
            public int latentSize() {
                return 4;
            }

            @Override
            public String describe() {
                return "test";
            }

            @Override
            public void encode(float[] x, int xOff, int n, float[] a, int aOff) {
                System.arraycopy(x, xOff, a, aOff, n * 4);
            }

            @Override
            public void decode(float[] a, int aOff, int n, float[] x, int xOff) {
                for (int i = 0; i < n * 4; i++) {
                    x[xOff + i] = Float.isNaN(value) ? a[aOff + i] : value;
                }
            }
        };
    }

    @Test
    void oneDigitOfEachClassInClassOrderWithItsErrors() {
        // Labels 2, 0, 2, 1, 0: the first of each class is image 1 (0), 3 (1), 0 (2).
        byte[] px = {(byte) 255, 0, 0, 0, /**/ 0, (byte) 255, (byte) 255, 0, /**/ 1, 2, 3, 4, /**/ 0, 0, 0, (byte) 255,
            9, 9, 9, 9};
        Dataset test = new Dataset("t", 2, 2, px, new byte[] {2, 0, 2, 1, 0});
        PaperFigureViewModel.Figure f = PaperFigureViewModel.compute(test, 4, constant(Float.NaN), constant(0));
        assertEquals(3, f.digits().size());
        assertEquals(1, f.digits().get(0).index());
        assertEquals(3, f.digits().get(1).index());
        assertEquals(0, f.digits().get(2).index());
        for (int c = 0; c < 3; c++) {
            PaperFigureViewModel.Digit d = f.digits().get(c);
            assertEquals(c, d.label());
            assertEquals(0, d.pcaError(), "a perfect reconstruction has no error");
            assertEquals(c == 0 ? 2 : 1, d.autoencoderError(), 1e-6, "all-zero output: the sum of the squared pixels");
        }
        PaperFigureViewModel.Figure none = PaperFigureViewModel.compute(test, 4, null, null);
        assertNull(none.digits().get(0).pca());
        assertTrue(Double.isNaN(none.digits().get(0).autoencoderError()));
    }
}
