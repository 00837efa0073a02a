package latentlab.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** A section writer sized exactly hands its array over; otherwise it copies what it holds. */
class SectionWriterTest {
    @Test
    void anExactlySizedBodyIsHandedOverWithoutACopy() throws LabFileException {
        LabFile.SectionWriter w = new LabFile.SectionWriter(4 + 4 + 12).putInt(7).putFloats(new float[] {1, 2, 3});
        byte[] body = w.toByteArray();
        assertEquals(20, body.length);
        assertSame(body, w.toByteArray(), "the writer's own array, not a copy");
        LabFile.SectionReader r = new LabFile.SectionReader(body, "t");
        assertEquals(7, r.getInt());
        assertArrayEquals(new float[] {1, 2, 3}, r.getFloats());
    }

    @Test
    void anotherSizeGivesACopyOfWhatWasWritten() {
        LabFile.SectionWriter w = new LabFile.SectionWriter(64).putInt(7);
        assertEquals(4, w.toByteArray().length);
        assertNotSame(w.toByteArray(), w.toByteArray());
        assertEquals(8, new LabFile.SectionWriter().putLong(1).toByteArray().length, "the default grows as needed");
    }
}
