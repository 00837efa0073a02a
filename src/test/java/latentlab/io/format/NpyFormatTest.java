package latentlab.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import latentlab.compute.CancelledException;
import latentlab.compute.RecordingProgress;
import latentlab.io.export.ExportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npy format of numpy.lib.format (NEP 1): header layout, round trips of every type and rank, strict reading. */
public class NpyFormatTest {
    @TempDir
    Path dir;

    /** Arrays of every supported type in 0 to 3 dimensions, including an empty one. */
    public static List<NpyArray> samples() {
        float[] f24 = new float[24];
        int[] i24 = new int[24];
        byte[] b24 = new byte[24];
        for (int i = 0; i < 24; i++) {
            f24[i] = (float) Math.sin(i) * (i % 5 == 0 ? 1e-30f : 3.5f);
            i24[i] = i * 100_003 - 1_200_000;
            b24[i] = (byte) (i * 11);
        }
        f24[3] = Float.NaN;
        f24[4] = Float.NEGATIVE_INFINITY;
        f24[7] = -0f;
        return List.of(
                NpyArray.floats(new float[] {2.5f}),
                NpyArray.floats(Arrays.copyOf(f24, 5), 5),
                NpyArray.floats(f24, 6, 4),
                NpyArray.floats(f24, 2, 3, 4),
                NpyArray.floats(new float[0], 0, 3),
                NpyArray.ints(new int[] {Integer.MIN_VALUE}),
                NpyArray.ints(i24, 24),
                NpyArray.ints(i24, 4, 6),
                NpyArray.ints(i24, 3, 2, 4),
                NpyArray.uint8(new byte[] {(byte) 255}),
                NpyArray.uint8(b24, 24),
                NpyArray.uint8(b24, 2, 12),
                NpyArray.uint8(b24, 2, 3, 4),
                NpyArray.string("784-256-64-2"),
                NpyArray.strings(new String[] {"relu", "identity", "sigmoid"}, 3),
                NpyArray.strings(new String[] {"", "é", "\uD83D\uDE00 digit", "a"}, 2, 2),
                NpyArray.strings(new String[] {"a", "bb", "ccc", "d", "", "f", "g", "h"}, 2, 2, 2));
    }

    @Test
    void theHeaderIsVersion1WithTheDictNumpyWritesAndAlignsTheDataTo64Bytes() {
        for (NpyArray a : samples()) {
            byte[] h = NpyHeader.of(a).encode();
            assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, Arrays.copyOf(h, 8), a.toString());
            int len = (h[8] & 0xFF) | (h[9] & 0xFF) << 8;
            assertEquals(h.length, 10 + len, "little-endian header length");
            assertEquals(0, h.length % 64, "data starts at a multiple of 64: " + a);
            assertEquals('\n', h[h.length - 1]);
            String text = new String(h, 10, len, StandardCharsets.US_ASCII);
            String dict = "{'descr': '" + a.descr() + "', 'fortran_order': False, 'shape': "
                    + NpyArray.shapeString(a.shape()) + ", }";
            assertTrue(text.startsWith(dict), text);
            assertTrue(text.substring(dict.length(), text.length() - 1).chars().allMatch(c -> c == ' '),
                    "padded with spaces: [" + text + "]");
        }
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (10000, 2), }",
                NpyHeader.of(NpyArray.floats(new float[20000], 10000, 2)).dict());
        assertEquals("{'descr': '|u1', 'fortran_order': False, 'shape': (7,), }",
                NpyHeader.of(NpyArray.uint8(new byte[7], 7)).dict());
        assertEquals("{'descr': '<i4', 'fortran_order': False, 'shape': (), }",
                NpyHeader.of(NpyArray.ints(new int[1])).dict());
        assertEquals("<U8", NpyArray.strings(new String[] {"identity", "relu"}, 2).descr());
    }

    @Test
    void theDataIsLittleEndianInCOrder() throws IOException {
        NpyArray a = NpyArray.floats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.write(out, a);
        byte[] bytes = out.toByteArray();
        assertEquals(NpyWriter.fileSize(a), bytes.length);
        int start = NpyHeader.of(a).encode().length;
        assertEquals(128, start, "a 73-byte header is padded to 128");
        ByteBuffer data = ByteBuffer.wrap(bytes, start, 24).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 1; i <= 6; i++) {
            assertEquals(i, data.getFloat());
        }
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        NpyArray strings = NpyArray.strings(new String[] {"ab", "\uD83D\uDE00"}, 2);
        NpyWriter.write(s, strings);
        int at = NpyHeader.of(strings).encode().length;
        ByteBuffer u = ByteBuffer.wrap(s.toByteArray(), at, 16).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new int[] {'a', 'b', 0x1F600, 0}, new int[] {u.getInt(), u.getInt(), u.getInt(), u.getInt()},
                "UTF-32LE code points, NUL-padded to <U2");
    }

    @Test
    void everyTypeAndRankRoundTripsThroughAFile() throws IOException {
        int i = 0;
        for (NpyArray a : samples()) {
            Path f = dir.resolve("a" + i++ + ".npy");
            NpyWriter.write(f, a);
            assertEquals(NpyWriter.fileSize(a), Files.size(f));
            NpyArray back = NpyReader.read(f);
            assertEquals(a, back, a.toString());
            assertEquals(a.descr(), back.descr());
            assertArrayEquals(a.shape(), back.shape());
        }
        NpyArray zeroD = NpyReader.read(dir.resolve("a0.npy"));
        assertEquals(0, zeroD.rank());
        assertEquals(1, zeroD.size());
        assertEquals(2.5f, zeroD.floats()[0]);
        assertArrayEquals(new String[] {"", "é", "\uD83D\uDE00 digit", "a"}, NpyReader.read(dir.resolve("a15.npy")).strings());
    }

    @Test
    void shapesMustMatchTheData() {
        assertThrows(IllegalArgumentException.class, () -> NpyArray.floats(new float[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> NpyArray.floats(new float[2]), "no shape is 0-d: one value");
        assertThrows(IllegalArgumentException.class, () -> NpyArray.ints(new int[0], -1));
        assertThrows(IllegalArgumentException.class, () -> NpyArray.string("ends with NUL\0"));
        assertThrows(IllegalStateException.class, () -> NpyArray.ints(new int[1]).floats());
    }

    @Test
    void fortranOrderBigEndianAndLaterVersionsAreRead() throws IOException {
        // A 2 x 3 float32 matrix [[1, 2, 3], [4, 5, 6]] stored column by column, big-endian, format version 2.0.
        String dict = "{'descr': '>f4', 'fortran_order': True, 'shape': (2, 3), }";
        ByteBuffer data = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
        for (float v : new float[] {1, 4, 2, 5, 3, 6}) {
            data.putFloat(v);
        }
        byte[] file = file(2, dict, data.array());
        NpyArray a = NpyReader.read(new ByteArrayInputStream(file), "m.npy");
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, a.floats());

        // A 2 x 3 x 2 int32 array in Fortran order: element [i][j][l] = 100 i + 10 j + l.
        ByteBuffer d3 = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        for (int l = 0; l < 2; l++) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 2; i++) {
                    d3.putInt(100 * i + 10 * j + l);
                }
            }
        }
        NpyArray b = NpyReader.read(new ByteArrayInputStream(file(1,
                "{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3, 2), }", d3.array())), "f.npy");
        assertArrayEquals(new int[] {0, 1, 10, 11, 20, 21, 100, 101, 110, 111, 120, 121}, b.ints());

        NpyArray c = NpyReader.read(new ByteArrayInputStream(file(3,
                "{\"descr\": \"<U1\", \"fortran_order\": False, \"shape\": (1,)}", new byte[] {'x', 0, 0, 0})), "s.npy");
        assertArrayEquals(new String[] {"x"}, c.strings());
    }

    @Test
    void malformedFilesAreRefusedWithAMessageNamingTheFileAndTheProblem() throws IOException {
        byte[] good = bytes(NpyArray.floats(new float[] {1, 2, 3, 4}, 2, 2));
        assertProblem(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0}, "not an npy file");
        assertProblem(Arrays.copyOf(good, 5), "not an npy file");
        byte[] v9 = good.clone();
        v9[6] = 9;
        assertProblem(v9, "unsupported npy format version 9.0");
        assertProblem(Arrays.copyOf(good, 40), "truncated npy header");
        assertProblem(Arrays.copyOf(good, good.length - 1), "truncated: <f4 (2, 2) needs 16 data bytes, the file has 15");
        byte[] longer = Arrays.copyOf(good, good.length + 3);
        assertProblem(longer, "unexpected bytes after the 16 data bytes");

        byte[] data = new byte[16];
        assertProblem(file(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", data), "unsupported dtype '<f8'");
        assertProblem(file(1, "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (2,), }", data),
                "structured arrays");
        assertProblem(file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (4), }", data), "is not a tuple");
        assertProblem(file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (-4,), }", data), "negative dimension");
        assertProblem(file(1, "{'descr': '<f4', 'fortran_order': False, }", data), "no 'shape' key");
        assertProblem(file(1, "{'descr': '<f4', 'fortran_order': false, 'shape': (4,), }", data), "True or False");
        assertProblem(file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), 'extra': 1, }", data),
                "unexpected key 'extra'");
        assertProblem(file(1, "{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", data),
                "appears twice");
        assertProblem(file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), } junk", data),
                "unexpected text after the header dict");
        assertProblem(file(1, "{'descr': '<f4' 'fortran_order': False, 'shape': (4,), }", data), "expected ',' or '}'");
        assertProblem(file(1, "{'descr': '<U1', 'fortran_order': False, 'shape': (1,), }",
                new byte[] {0, (byte) 0xD8, 0, 0}), "invalid code point");
        // A header that promises far more data than the file holds must not allocate it.
        assertProblem(file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (500000000,), }", data),
                "needs 2000000000 data bytes, the file has 16");
        assertProblem(file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }", data),
                "more than");

        byte[] noNewline = good.clone();
        noNewline[NpyHeader.of(NpyArray.floats(new float[4], 2, 2)).encode().length - 1] = ' ';
        assertProblem(noNewline, "does not end with a newline");
    }

    @Test
    void aFailedOrCancelledWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("codes.npy");
        NpyArray old = NpyArray.ints(new int[] {1, 2, 3}, 3);
        NpyWriter.write(f, old);
        byte[] before = Files.readAllBytes(f);
        NpyArray big = NpyArray.floats(new float[200_000], 1000, 200);
        RecordingProgress cancel = new RecordingProgress(3);
        assertThrows(CancelledException.class, () -> NpyWriter.write(f, big, cancel));
        assertArrayEquals(before, Files.readAllBytes(f));
        ExportFixtures.assertNoTemporaryFiles(dir);

        RecordingProgress p = new RecordingProgress();
        NpyWriter.write(f, big, p);
        p.assertMonotoneToTheEnd();
        assertEquals(big, NpyReader.read(f));
    }

    private void assertProblem(byte[] file, String problem) throws IOException {
        Path f = dir.resolve("bad.npy");
        Files.write(f, file);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyReader.read(f), problem);
        assertTrue(e.getMessage().startsWith("bad.npy: "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), "expected '" + problem + "' in: " + e.getMessage());
        NpyFormatException s = assertThrows(NpyFormatException.class,
                () -> NpyReader.read(new ByteArrayInputStream(file), "entry.npy"));
        assertTrue(s.getMessage().startsWith("entry.npy: "), s.getMessage());
    }

    private static byte[] bytes(NpyArray a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.write(out, a);
        return out.toByteArray();
    }

    /** A file of the given format version with {@code dict} as header (padded to 64 bytes) and raw data. */
    static byte[] file(int major, String dict, byte[] data) {
        int lenBytes = major == 1 ? 2 : 4;
        byte[] d = dict.getBytes(StandardCharsets.UTF_8);
        int prefix = 8 + lenBytes;
        int total = (prefix + d.length + 1 + 63) / 64 * 64;
        ByteBuffer b = ByteBuffer.allocate(total + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) (total - prefix));
        } else {
            b.putInt(total - prefix);
        }
        b.put(d);
        while (b.position() < total - 1) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        b.put(data);
        return b.array();
    }
}
