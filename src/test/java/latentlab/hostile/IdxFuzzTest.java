package latentlab.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import latentlab.compute.NotEnoughMemoryException;
import latentlab.data.DataFileException;
import latentlab.data.Dataset;
import latentlab.data.IdxArray;
import latentlab.data.IdxFixtures;
import latentlab.data.IdxReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutated IDX files (flipped, truncated, extended, spliced, header fields at extremes), plain, mutated before
 * gzip or with their gzip bytes mutated: the reader returns exactly what the file holds or refuses it with a
 * typed error, and never allocates more than a bounded multiple of what the file can hold.
 */
class IdxFuzzTest {
    /** Where the mutation is applied. */
    enum Form { PLAIN, GZIP_OF_MUTATED, MUTATED_GZIP }

    private static final List<byte[]> VALID = List.of(
            IdxFixtures.images(12, 5, 6),
            IdxFixtures.labels(12, 10),
            IdxFixtures.idx(0x0D, new int[] {3, 2}, new byte[24]),
            IdxFixtures.idx(0x0B, new int[] {2, 2, 2, 2}, new byte[32]));

    @Provide
    Arbitrary<byte[]> validFiles() {
        return Arbitraries.of(VALID);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutations.some(List.of(Mutations.flip(), Mutations.truncate(), Mutations.extend(), Mutations.splice(),
                Mutations.extremeInt(), Mutations.headerField(List.of(0, 4, 8, 12, 16))));
    }

    @Property(tries = 1500, seed = "1404")
    void aMutatedIdxFileIsReadExactlyOrRefusedCleanly(@ForAll("validFiles") byte[] valid,
                                                      @ForAll("mutations") List<Mutation> mutations,
                                                      @ForAll Form form) throws IOException {
        byte[] raw = form == Form.MUTATED_GZIP ? valid : Mutations.apply(mutations, valid);
        byte[] file = switch (form) {
            case PLAIN -> raw;
            case GZIP_OF_MUTATED -> gzip(raw);
            case MUTATED_GZIP -> Mutations.apply(mutations, gzip(valid));
        };
        // Deflate expands at most 1032 times; the reader's buffer at most doubles what arrived.
        long bound = (16L << 20) + 2L * 1032 * file.length;
        IdxArray a;
        try (Scratch f = new Scratch(form == Form.PLAIN ? "" : ".gz", file)) {
            a = Outcome.of(() -> IdxReader.read(f.path()), bound,
                    List.of(DataFileException.class, FileSystemException.class, NotEnoughMemoryException.class));
        }
        if (a != null && form != Form.MUTATED_GZIP) {
            assertArrayEquals(raw, encode(a), "what was read is exactly what the file holds");
        }
        if (a != null && a.rank() == 3 && a.type() == latentlab.data.IdxType.UNSIGNED_BYTE) {
            IdxArray labels = new IdxArray(latentlab.data.IdxType.UNSIGNED_BYTE, new int[] {a.dimension(0)},
                    new byte[a.dimension(0)]);
            Dataset d = Dataset.fromIdx("x", a, "i", labels, "l");
            assertEquals(a.size(), d.size() * d.dimension());
        }
    }

    @Provide
    Arbitrary<byte[]> tails() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(100),
                Arbitraries.integers().between(1, 1000).map(byte[]::new));
    }

    /** Whatever follows the end of the gzip data, even zeros or what looks like another member, is refused. */
    @Property(tries = 300, seed = "1405")
    void bytesAfterTheEndOfTheGzipDataAreRefused(@ForAll("validFiles") byte[] valid, @ForAll("tails") byte[] tail,
                                                 @ForAll boolean asMember) throws IOException {
        byte[] gz = gzip(valid);
        byte[] after = asMember ? gzip(tail) : tail;
        byte[] file = java.util.Arrays.copyOf(gz, gz.length + after.length);
        System.arraycopy(after, 0, file, gz.length, after.length);
        try (Scratch f = new Scratch(".gz", file)) {
            IdxArray a = Outcome.of(() -> IdxReader.read(f.path()), 16L << 20, List.of(DataFileException.class));
            assertEquals(null, a, "refused");
        }
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    /** The IDX bytes of an array (header and big-endian elements). */
    private static byte[] encode(IdxArray a) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * a.rank() + a.size() * a.type().bytes());
        b.put((byte) 0).put((byte) 0).put((byte) a.type().code()).put((byte) a.rank());
        for (int s : a.shape()) {
            b.putInt(s);
        }
        for (int i = 0; i < a.size(); i++) {
            double v = a.getAsDouble(i);
            switch (a.type()) {
                case UNSIGNED_BYTE, SIGNED_BYTE -> b.put((byte) (int) v);
                case SHORT -> b.putShort((short) v);
                case INT -> b.putInt((int) v);
                case FLOAT -> b.putFloat(a.floats()[i]);
                case DOUBLE -> b.putDouble(a.doubles()[i]);
                default -> throw new AssertionError(a.type());
            }
        }
        return b.array();
    }
}
