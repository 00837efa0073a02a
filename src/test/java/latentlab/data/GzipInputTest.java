package latentlab.data;

import static latentlab.data.IdxFixtures.gzip;
import static latentlab.data.IdxFixtures.images;
import static latentlab.data.IdxFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import latentlab.compute.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gzip data are read strictly, for IDX and CSV files alike: what comes after the end of the gzip data is refused,
 * a file cut short says where it ends, and a header that claims more than the file holds is found out before the
 * claim is allocated.
 */
class GzipInputTest {
    @TempDir
    Path dir;

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private String idxFails(String name, byte[] bytes) throws IOException {
        Path p = write(dir, name, bytes);
        String m = assertThrows(IdxFormatException.class, () -> IdxReader.read(p)).getMessage();
        assertTrue(m.startsWith(name + ":"), m);
        assertFalse(m.contains("null"), m);
        return m;
    }

    @Test
    void bytesAfterTheEndOfTheGzipDataAreRefused() throws IOException {
        byte[] gz = gzip(images(5, 4, 4));
        String garbage = idxFails("garbage.gz", concat(gz, "and then some".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(garbage.contains("13 bytes after the end of the gzip data"), garbage);
        String zeros = idxFails("zeros.gz", concat(gz, new byte[512]));
        assertTrue(zeros.contains("512 bytes after the end of the gzip data"), zeros);
        String one = idxFails("one.gz", concat(gz, new byte[] {0x1F}));
        assertTrue(one.contains("1 byte after the end"), one);
        Path csv = write(dir, "trailing.csv", concat(gzip("1,0,0,0,0\n2,0,0,0,0\n".getBytes(StandardCharsets.US_ASCII)),
                "junk".getBytes(StandardCharsets.US_ASCII)));
        String m = assertThrows(IOException.class, () -> CsvDatasetReader.read(csv, "t", Progress.NONE))
                .getMessage();
        assertTrue(m.contains("4 bytes after the end of the gzip data"), m);
    }

    @Test
    void aSecondMemberIsReadOnAndWhatItAddsIsChecked() throws IOException {
        byte[] raw = images(5, 4, 4);
        byte[] split = concat(gzip(Arrays.copyOf(raw, 30)), gzip(Arrays.copyOfRange(raw, 30, raw.length)));
        Path p = write(dir, "two-members.gz", split);
        assertArrayEquals(IdxReader.read(write(dir, "plain", raw)).bytes(), IdxReader.read(p).bytes());
        String extra = idxFails("extra-member.gz", concat(gzip(raw), gzip(new byte[16])));
        assertTrue(extra.contains("trailing bytes"), extra);
    }

    @Test
    void aFileCutShortSaysWhereItEnds() throws IOException {
        byte[] gz = gzip(images(50, 28, 28));
        assertTrue(idxFails("in-header.gz", Arrays.copyOf(gz, 6)).contains("ends inside a gzip header"));
        String data = idxFails("in-data.gz", Arrays.copyOf(gz, gz.length / 2));
        assertTrue(data.contains("truncated") && data.contains("inside the compressed data"), data);
        String trailer = idxFails("in-trailer.gz", Arrays.copyOf(gz, gz.length - 3));
        assertTrue(trailer.contains("truncated") && trailer.contains("inside the gzip trailer"), trailer);
        String crc = idxFails("crc.gz", flip(gz, gz.length - 8));
        assertTrue(crc.contains("CRC-32"), crc);
        String size = idxFails("size.gz", flip(gz, gz.length - 1));
        assertTrue(size.contains("length"), size);
    }

    private static byte[] flip(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 1;
        return c;
    }

    @Test
    void optionalHeaderFieldsAreSkippedAndReservedFlagsRefused() throws IOException {
        byte[] raw = images(3, 4, 4);
        byte[] gz = gzip(raw);
        // FEXTRA (4 bytes of payload) and FNAME ("x\0") inserted after the 10-byte fixed header.
        byte[] withFields = concat(Arrays.copyOf(gz, 10), new byte[] {4, 0, 9, 9, 9, 9, 'x', 0},
                Arrays.copyOfRange(gz, 10, gz.length));
        withFields[3] = 4 | 8;
        assertArrayEquals(IdxReader.read(write(dir, "p", raw)).bytes(),
                IdxReader.read(write(dir, "fields.gz", withFields)).bytes());
        byte[] reserved = gz.clone();
        reserved[3] = (byte) 0x20;
        assertTrue(idxFails("reserved.gz", reserved).contains("reserved flag"));
    }

    /**
     * 3 MB of incompressible gzip data whose header claims 2,000,000 images of 28 x 28 (1.57 GB, within deflate's
     * 1032:1 limit for a 3 MB file): the reader takes the data as they come and stops at their end, allocating a
     * small multiple of what the file holds, not the header's claim.
     */
    @Test
    void aClaimBeyondTheDataCostsOnlyWhatTheDataHold() throws IOException {
        byte[] pixels = new byte[3 << 20];
        new Random(1).nextBytes(pixels);
        byte[] header = IdxFixtures.idx(0x08, new int[] {2_000_000, 28, 28}, new byte[0]);
        Path p = write(dir, "claims.gz", gzip(concat(header, pixels)));
        long before = AllocationMeter.allocated();
        String m = assertThrows(IdxFormatException.class, () -> IdxReader.read(p)).getMessage();
        long allocated = AllocationMeter.allocated() - before;
        assertTrue(m.contains("truncated") && m.contains("1568000000"), m);
        assertTrue(allocated < 200L << 20, "allocated " + (allocated >> 20) + " MB for a 3 MB file");
    }
}
