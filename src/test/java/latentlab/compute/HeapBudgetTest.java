package latentlab.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the heap cannot hold is refused with a message saying what for and how much, before it is allocated. */
class HeapBudgetTest {
    @Test
    void moreThanTheHeapIsRefusedSayingHowMuch() {
        long limit = Runtime.getRuntime().maxMemory();
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                () -> HeapBudget.require(2 * limit, "reading big.idx"));
        assertTrue(e.getMessage().startsWith("not enough memory for reading big.idx: it needs "), e.getMessage());
        assertTrue(e.getMessage().endsWith("a larger -Xmx raises it)"), e.getMessage());
        assertEquals(limit, e.limit());
        assertTrue(e.needed() >= 2 * limit);
        assertThrows(NotEnoughMemoryException.class, () -> HeapBudget.newBytes(Integer.MAX_VALUE - 8, "x"));
    }

    @Test
    void whatFitsIsAllocatedAndCopied() {
        byte[] b = HeapBudget.copyOf(new byte[] {1, 2, 3}, 5, "x");
        assertEquals(5, b.length);
        assertEquals(3, b[2]);
        assertEquals(4, HeapBudget.copyOf(new double[] {1}, 4, "x").length);
        assertEquals(7, HeapBudget.newBytes(7, "x").length);
    }

    @Test
    void sizesReadAsAPersonReadsThem() {
        assertEquals("1 MB", NotEnoughMemoryException.size(10));
        assertEquals("1,500 MB", NotEnoughMemoryException.size(1500L << 20));
        assertEquals("12.0 GB", NotEnoughMemoryException.size(12L << 30));
    }
}
