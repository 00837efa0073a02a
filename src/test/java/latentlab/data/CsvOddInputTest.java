package latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import latentlab.compute.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV files of other kinds than the reader takes are named for what they are (semicolons, tabs, old Mac line ends,
 * UTF-16, binary), odd but valid spellings are read as meant (a byte order mark, {@code +5}, {@code -0},
 * {@code 1e2}), numbers Java would parse but a data file does not mean are refused ({@code 255f}), and a line that
 * never ends is refused before it fills the heap.
 */
class CsvOddInputTest {
    @TempDir
    Path dir;

    /** Three 2 x 2 images, labels 1, 2, 3. */
    private static final String THREE = "1,0,255,0,7\n2,10,20,30,40\n3,255,255,0,0\n";

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Dataset read(String text) throws IOException {
        return CsvDatasetReader.read(write("ok.csv", text.getBytes(StandardCharsets.UTF_8)), "ok", Progress.NONE);
    }

    private String fails(byte[] bytes) throws IOException {
        Path p = write("bad.csv", bytes);
        String m = assertThrows(IOException.class, () -> CsvDatasetReader.read(p, "bad", Progress.NONE)).getMessage();
        assertTrue(m.startsWith("bad.csv"), m);
        return m;
    }

    private String fails(String text) throws IOException {
        return fails(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aByteOrderMarkIsSkippedWithOrWithoutAHeader() throws IOException {
        Dataset plain = read(THREE);
        Dataset bom = read("\uFEFF" + THREE);
        assertEquals(3, bom.size(), "the first image is kept");
        assertEquals(1, bom.label(0));
        assertEquals(plain.pixel(0, 3), bom.pixel(0, 3));
        Dataset bomHeader = read("\uFEFFlabel,a,b,c,d\r\n" + THREE);
        assertEquals(3, bomHeader.size());
    }

    @Test
    void decimalSpellingsAreReadAsMeant() throws IOException {
        Dataset d = read("+1,-0,2.55e2,1e1,+7\n2,10,20,30,40\n");
        assertEquals(1, d.label(0));
        assertEquals(0, d.pixel(0, 0));
        assertEquals(255, d.pixel(0, 1));
        assertEquals(10, d.pixel(0, 2));
        assertEquals(7, d.pixel(0, 3));
    }

    @Test
    void numbersJavaTakesButADataFileDoesNotMeanAreRefused() throws IOException {
        for (String v : new String[] {"255f", "7d", "0x10", "1_0", "1e", ".", "+", "e5", "1e+", "--1", "0x1p3"}) {
            String m = fails("1,0," + v + ",0,0\n");
            assertTrue(m.contains("field 3 is '" + v + "', not a number"), m);
        }
        assertTrue(fails("1,0,NaN,0,0\n").contains("pixel 2 is NaN"));
        assertTrue(fails("1,0,-Infinity,0,0\n").contains("pixel 2 is -Infinity"));
        assertTrue(fails("1,0,1e3,0,0\n").contains("pixel 2 is 1000"));
    }

    @Test
    void oldMacLineEndsAreNamed() throws IOException {
        String cr = fails(THREE.replace('\n', '\r'));
        assertTrue(cr.contains("line 1") && cr.contains("carriage return alone"), cr);
        String mixed = fails("1,0,255,0,7\n2,10,20,30,40\r3,255,255,0,0\n");
        assertTrue(mixed.contains("line 2") && mixed.contains("carriage return alone"), mixed);
        String header = fails("label,a,b,c,d\r" + THREE.replace('\n', '\r'));
        assertTrue(header.contains("carriage return alone"), header);
        assertEquals(3, read("label,a,b,c,d\r\n1,0,255,0,7\r\n2,10,20,30,40\n3,255,255,0,0\r\n").size(),
                "CRLF and LF may be mixed");
    }

    @Test
    void otherSeparatorsAreNamed() throws IOException {
        String semi = fails(THREE.replace(',', ';'));
        assertTrue(semi.contains("separated by semicolons"), semi);
        String decimalCommas = fails("1;0,5;0,25;0;0\n");
        assertTrue(decimalCommas.contains("separated by semicolons"), decimalCommas);
        String tabs = fails(THREE.replace(',', '\t'));
        assertTrue(tabs.contains("separated by tabs"), tabs);
        String tabsAfterHeader = fails("label\ta\tb\tc\td\n" + THREE.replace(',', '\t'));
        assertTrue(tabsAfterHeader.contains("line 2") && tabsAfterHeader.contains("separated by tabs"),
                tabsAfterHeader);
        String spaces = fails(THREE.replace(',', ' '));
        assertTrue(spaces.contains("separated by spaces"), spaces);
        assertEquals(3, read("image label,a,b,c,d\n" + THREE).size(), "a header's first name may hold a space");
        assertTrue(fails("1,0,0 5,0,0\n").contains("field 3 is '05'"), "a space inside a later field");
    }

    @Test
    void textThatIsNotCsvIsNamed() throws IOException {
        byte[] utf16 = ("\uFEFF" + THREE).getBytes(StandardCharsets.UTF_16LE);
        assertTrue(fails(utf16).contains("UTF-16"), fails(utf16));
        byte[] noMark = THREE.getBytes(StandardCharsets.UTF_16LE);
        assertTrue(fails(noMark).contains("zero byte"), fails(noMark));
        byte[] idx = IdxFixtures.images(3, 2, 2);
        assertTrue(fails(idx).contains("binary"), fails(idx));
    }

    @Test
    void aLineThatNeverEndsIsRefusedBeforeItFillsTheHeap() throws IOException {
        Path p = dir.resolve("endless.csv.gz");
        byte[] chunk = "0,".repeat(1 << 19).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p), 1 << 16)) {
            for (int i = 0; i < 64; i++) { // 64 MB of "0," without a line end
                out.write(chunk);
            }
        }
        long before = AllocationMeter.allocated();
        String m = assertThrows(IOException.class, () -> CsvDatasetReader.read(p, "e", Progress.NONE)).getMessage();
        long allocated = AllocationMeter.allocated() - before;
        assertTrue(m.contains("line 1: has more than 4,194,304 pixel values"), m);
        assertTrue(allocated < 160L << 20, "allocated " + (allocated >> 20) + " MB");
        String longField = assertThrows(IOException.class, () -> CsvDatasetReader.read(
                write("long.csv", "7".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII)), "l", Progress.NONE))
                .getMessage();
        assertTrue(longField.contains("longer than any number"), longField);
        assertFalse(longField.contains("separated"), longField);
    }
}
