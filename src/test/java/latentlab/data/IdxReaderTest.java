package latentlab.data;

import static latentlab.data.IdxFixtures.gzip;
import static latentlab.data.IdxFixtures.idx;
import static latentlab.data.IdxFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    @TempDir
    Path dir;

    private IdxArray readBoth(String name, byte[] raw) throws IOException {
        IdxArray plain = IdxReader.read(write(dir, name, raw));
        IdxArray zipped = IdxReader.read(write(dir, name + "-zipped", gzip(raw)));
        assertEquals(plain.type(), zipped.type());
        assertArrayEquals(plain.shape(), zipped.shape());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.getAsDouble(i), zipped.getAsDouble(i));
        }
        return plain;
    }

    @Test
    void readsUnsignedBytesOfAnyRankPlainAndGzipped() throws IOException {
        byte[] data = {0, 1, (byte) 200, (byte) 255, 7, 8};
        IdxArray a = readBoth("u8", idx(0x08, new int[] {1, 2, 3}, data));
        assertEquals(IdxType.UNSIGNED_BYTE, a.type());
        assertArrayEquals(new int[] {1, 2, 3}, a.shape());
        assertEquals(200.0, a.getAsDouble(2));
        assertEquals(255.0, a.getAsDouble(3));
        IdxArray flat = readBoth("u8r1", idx(0x08, new int[] {6}, data));
        assertEquals(1, flat.rank());
        IdxArray r5 = readBoth("u8r5", idx(0x08, new int[] {1, 1, 2, 1, 3}, data));
        assertEquals(5, r5.rank());
    }

    @Test
    void readsSignedByteShortIntFloatDoubleBigEndian() throws IOException {
        assertEquals(-56.0, readBoth("i8", idx(0x09, new int[] {2}, new byte[] {(byte) 200, 3})).getAsDouble(0));

        ByteBuffer s = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putShort((short) -1234).putShort((short) 32000);
        IdxArray shorts = readBoth("i16", idx(0x0B, new int[] {2}, s.array()));
        assertArrayEquals(new short[] {-1234, 32000}, shorts.shorts());

        ByteBuffer i = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putInt(-7).putInt(1 << 30);
        assertArrayEquals(new int[] {-7, 1 << 30}, readBoth("i32", idx(0x0C, new int[] {2, 1}, i.array())).ints());

        ByteBuffer f = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(1.5f).putFloat(-0.25f);
        assertArrayEquals(new float[] {1.5f, -0.25f}, readBoth("f32", idx(0x0D, new int[] {1, 2}, f.array())).floats());

        ByteBuffer d = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN).putDouble(Math.PI).putDouble(-1e300);
        assertArrayEquals(new double[] {Math.PI, -1e300}, readBoth("f64", idx(0x0E, new int[] {2}, d.array())).doubles());
    }

    @Test
    void detectsGzipByMagicBytesNotByName() throws IOException {
        byte[] raw = idx(0x08, new int[] {2}, new byte[] {1, 2});
        IdxArray a = IdxReader.read(write(dir, "plain.gz", raw));
        IdxArray b = IdxReader.read(write(dir, "zipped.idx", gzip(raw)));
        assertArrayEquals(a.bytes(), b.bytes());
    }

    private IdxFormatException fails(String name, byte[] bytes) {
        Path p;
        try {
            p = write(dir, name, bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(p));
        assertTrue(e.getMessage().startsWith(name + ":"), "message names the file: " + e.getMessage());
        return e;
    }

    private void failsBoth(String name, byte[] raw, String expected) throws IOException {
        String m1 = fails(name, raw).getMessage();
        String m2 = fails(name + ".gz", gzip(raw)).getMessage();
        assertTrue(m1.contains(expected), m1);
        assertTrue(m2.contains(expected), m2);
    }

    @Test
    void rejectsWrongMagic() throws IOException {
        byte[] raw = idx(0x08, new int[] {1}, new byte[] {1});
        raw[1] = 1;
        failsBoth("magic", raw, "magic number");
        failsBoth("short", new byte[] {0, 0}, "only 2 bytes");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x07, 0x0A, 0x0F, 0xFF})
    void rejectsUnknownTypeCode(int code) throws IOException {
        failsBoth("type" + code, idx(code, new int[] {1}, new byte[] {1}), "unknown IDX element type");
    }

    @Test
    void rejectsZeroRankAndZeroDimension() throws IOException {
        failsBoth("rank0", idx(0x08, new int[] {}, new byte[] {}), "0 dimensions");
        failsBoth("dim0", idx(0x08, new int[] {3, 0, 2}, new byte[] {}), "dimension 2 of 3 is 0");
    }

    @Test
    void rejectsOverflowingDimensions() throws IOException {
        failsBoth("overflow", idx(0x08, new int[] {65536, 65536}, new byte[] {}), "overflow");
        // 2^31 - 8 elements of 8 bytes: the element count fits, the byte count does not.
        failsBoth("bytes", idx(0x0E, new int[] {Integer.MAX_VALUE - 8}, new byte[] {}), "more than one array");
        // An unsigned dimension above 2^31 (negative as a Java int).
        failsBoth("huge", idx(0x08, new int[] {-1}, new byte[] {}), "overflow");
    }

    @Test
    void rejectsTruncatedHeaderAndData() throws IOException {
        byte[] full = idx(0x08, new int[] {2, 3}, new byte[] {1, 2, 3, 4, 5, 6});
        failsBoth("cut-data", Arrays.copyOf(full, full.length - 2), "truncated");
        failsBoth("cut-header", Arrays.copyOf(full, 9), "truncated header");
        // A gzip file cut in the middle of its deflate stream.
        byte[] bigRaw = IdxFixtures.images(50, 28, 28);
        byte[] gz = gzip(bigRaw);
        String m = fails("cut-stream.gz", Arrays.copyOf(gz, gz.length / 2)).getMessage();
        assertTrue(m.contains("truncated"), m);
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        byte[] full = idx(0x08, new int[] {2}, new byte[] {1, 2});
        byte[] extra = Arrays.copyOf(full, full.length + 3);
        failsBoth("trailing", extra, "trailing bytes");
    }

    @Test
    void hugeClaimInTinyFileFailsAtOnceWithoutAllocating() throws IOException {
        // 20 bytes that claim 2^31 - 9 ints... = 8 GB: must fail before any allocation.
        byte[] raw = idx(0x08, new int[] {Integer.MAX_VALUE - 9}, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertEquals(20, raw.length);
        long before = AllocationMeter.allocated();
        String m = fails("claims-2gb", raw).getMessage();
        assertTrue(m.contains("truncated"), m);
        String mz = fails("claims-2gb.gz", gzip(raw)).getMessage();
        assertTrue(mz.contains("more than a"), mz);
        long allocated = AllocationMeter.allocated() - before;
        assertTrue(allocated < 16L << 20, "allocated " + (allocated >> 20) + " MB for a 20-byte file");
    }

    @Test
    void rejectsCorruptGzipData() throws IOException {
        byte[] gz = gzip(IdxFixtures.images(20, 28, 28));
        gz[gz.length / 2] ^= 0x5A;
        gz[gz.length / 2 + 1] ^= 0x3C;
        String m = fails("corrupt.gz", gz).getMessage();
        assertTrue(m.contains("corrupt") || m.contains("truncated") || m.contains("trailing"), m);
        byte[] crc = gzip(IdxFixtures.images(3, 4, 4));
        crc[crc.length - 6] ^= 1; // the CRC-32 in the trailer
        assertTrue(fails("badcrc.gz", crc).getMessage().contains("corrupt"));
    }

    @Test
    void missingFileIsNamed() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> IdxReader.read(dir.resolve("nope")));
        assertTrue(e.getFile().endsWith("nope"));
    }

    @Test
    void reportsProgressUpToTheTotal() throws IOException {
        Path p = write(dir, "img", IdxFixtures.images(10, 28, 28));
        long[] last = {0, 0};
        IdxReader.read(p, (done, total) -> {
            last[0] = done;
            last[1] = total;
        });
        assertEquals(10 * 28 * 28, last[0]);
        assertEquals(last[1], last[0]);
    }
}
