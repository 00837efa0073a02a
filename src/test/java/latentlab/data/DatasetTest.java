package latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class DatasetTest {
    private static IdxArray images(int n, int rows, int cols) {
        byte[] b = new byte[n * rows * cols];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 13);
        }
        return new IdxArray(IdxType.UNSIGNED_BYTE, new int[] {n, rows, cols}, b);
    }

    private static IdxArray labels(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return new IdxArray(IdxType.UNSIGNED_BYTE, new int[] {values.length}, b);
    }

    @Test
    void anyImageShapeWorksAndPixelsScaleToUnitInterval() throws Exception {
        Dataset d = Dataset.fromIdx("odd", images(3, 5, 7), "i", labels(2, 0, 1), "l");
        assertEquals(3, d.size());
        assertEquals(5, d.rows());
        assertEquals(7, d.cols());
        assertEquals(35, d.dimension());
        assertEquals(3, d.classCount());
        assertEquals(2, d.label(0));
        float[] x = d.image(1);
        assertEquals(35, x.length);
        for (int j = 0; j < 35; j++) {
            assertEquals(d.pixel(1, j) / 255f, x[j], 1e-7);
            assertTrue(x[j] >= 0 && x[j] <= 1);
        }
        assertArrayEquals(new int[] {1, 1, 1}, d.labelCounts());
    }

    @Test
    void countsMustMatch() {
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> Dataset.fromIdx("x", images(3, 2, 2), "imgs.idx", labels(1, 2), "labs.idx"));
        assertTrue(e.getMessage().contains("imgs.idx holds 3 images but labs.idx holds 2 labels"), e.getMessage());
    }

    @Test
    void labelsMustBeWholeNumbersInRange() {
        ByteBuffer neg = ByteBuffer.allocate(8).putInt(1).putInt(-1);
        int[] ints = new int[2];
        neg.flip();
        neg.asIntBuffer().get(ints);
        IdxArray negative = new IdxArray(IdxType.INT, new int[] {2}, ints);
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> Dataset.fromIdx("x", images(2, 2, 2), "i", negative, "labs"));
        assertTrue(e.getMessage().contains("labs: label 1 is -1.0"), e.getMessage());
        IdxArray big = new IdxArray(IdxType.INT, new int[] {2}, new int[] {3, 256});
        assertThrows(IdxFormatException.class, () -> Dataset.fromIdx("x", images(2, 2, 2), "i", big, "l"));
        IdxArray frac = new IdxArray(IdxType.FLOAT, new int[] {2}, new float[] {3f, 1.5f});
        assertThrows(IdxFormatException.class, () -> Dataset.fromIdx("x", images(2, 2, 2), "i", frac, "l"));
        IdxArray ok = new IdxArray(IdxType.SHORT, new int[] {2}, new short[] {3, 255});
        assertDoesNotThrowAndHasClasses(ok, 256);
    }

    private static void assertDoesNotThrowAndHasClasses(IdxArray labels, int classes) {
        try {
            assertEquals(classes, Dataset.fromIdx("x", images(2, 2, 2), "i", labels, "l").classCount());
        } catch (IdxFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void imagesMustBeThreeDimensionalUnsignedBytes() {
        IdxArray floats = new IdxArray(IdxType.FLOAT, new int[] {1, 2, 2}, new float[4]);
        assertTrue(assertThrows(IdxFormatException.class, () -> Dataset.fromIdx("x", floats, "imgs", labels(0), "l"))
                .getMessage().contains("imgs: images must be unsigned bytes"));
        IdxArray flat = new IdxArray(IdxType.UNSIGNED_BYTE, new int[] {1, 4}, new byte[4]);
        assertTrue(assertThrows(IdxFormatException.class, () -> Dataset.fromIdx("x", flat, "imgs", labels(0), "l"))
                .getMessage().contains("3 dimensions"));
        IdxArray matrixLabels = new IdxArray(IdxType.UNSIGNED_BYTE, new int[] {1, 1}, new byte[1]);
        assertThrows(IdxFormatException.class, () -> Dataset.fromIdx("x", images(1, 2, 2), "i", matrixLabels, "l"));
    }

    @Test
    void subsetCopiesTheChosenImagesInOrder() throws Exception {
        Dataset d = Dataset.fromIdx("x", images(4, 2, 3), "i", labels(0, 1, 2, 3), "l");
        Dataset s = d.subset("s", new int[] {3, 1});
        assertEquals(2, s.size());
        assertEquals(3, s.label(0));
        assertEquals(1, s.label(1));
        for (int j = 0; j < 6; j++) {
            assertEquals(d.pixel(3, j), s.pixel(0, j));
        }
        assertEquals(2, d.first(2).size());
        assertEquals(4, d.first(99).size());
    }
}
