package latentlab.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.CRC32;

import latentlab.compute.NotEnoughMemoryException;
import latentlab.io.format.LabFileException;
import latentlab.io.model.LessonFile;
import latentlab.io.model.ModelFile;
import latentlab.io.model.ModelFileTest;
import latentlab.nn.Codec;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutated model and lesson files, with the checksum left wrong or set right again (so that the mutation reaches
 * the sections behind it): they load into a usable model with finite weights, or are refused with a typed error,
 * within a bounded allocation.
 */
class ModelFileFuzzTest {
    private static final byte[] MODEL;
    private static final byte[] LESSON;

    static {
        try {
            ModelFile.DataInfo data = new ModelFile.DataInfo("tiny", 3, 4, 5);
            MODEL = Scratch.bytesOf(".llm", p -> ModelFile.save(p, ModelFileTest.checkpoint(), data, null));
            LESSON = Scratch.bytesOf(".lesson", p -> LessonFile.save(p, ModelFileTest.checkpoint(), data,
                    "/data/tiny", new byte[] {1, 2, 3}, null));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutations.some(List.of(Mutations.flip(), Mutations.truncate(), Mutations.extend(), Mutations.splice(),
                Mutations.extremeInt(), Mutations.headerField(List.of(4, 6, 8, 10, 14, 16))));
    }

    /** The file with its CRC-32 (the last four bytes) set to match what precedes it. */
    private static byte[] withChecksum(byte[] b) {
        if (b.length < 4) {
            return b;
        }
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        byte[] out = b.clone();
        ByteBuffer.wrap(out).putInt(b.length - 4, (int) crc.getValue());
        return out;
    }

    private static Scratch write(byte[] valid, List<Mutation> m, boolean fixChecksum, String suffix)
            throws IOException {
        byte[] b = Mutations.apply(m, valid);
        return new Scratch(suffix, fixChecksum ? withChecksum(b) : b);
    }

    @Property(tries = 1500, seed = "1408")
    void aMutatedModelFileLoadsAUsableModelOrIsRefusedCleanly(@ForAll("mutations") List<Mutation> m,
                                                              @ForAll boolean fixChecksum) throws IOException {
        ModelFile.Contents c;
        try (Scratch f = write(MODEL, m, fixChecksum, ".llm")) {
            c = Outcome.of(() -> ModelFile.load(f.path()), (16L << 20) + 8L * Files.size(f.path()),
                    List.of(LabFileException.class, NotEnoughMemoryException.class));
        }
        if (c != null) {
            assertUsable(c.codec());
        }
    }

    @Property(tries = 1000, seed = "1409")
    void aMutatedLessonLoadsOrIsRefusedCleanly(@ForAll("mutations") List<Mutation> m, @ForAll boolean fixChecksum)
            throws IOException {
        LessonFile.Lesson l;
        try (Scratch f = write(LESSON, m, fixChecksum, ".lesson")) {
            l = Outcome.of(() -> LessonFile.load(f.path()), (16L << 20) + 8L * Files.size(f.path()),
                    List.of(LabFileException.class, NotEnoughMemoryException.class));
        }
        if (l != null) {
            assertUsable(l.model().codec());
            assertTrue(l.viewState() != null && l.dataFolder() != null);
        }
    }

    /** Finite weights, and it encodes and decodes an image. */
    private static void assertUsable(Codec codec) {
        if (codec instanceof latentlab.nn.Autoencoder ae) {
            assertTrue(ae.isFinite(), "a loaded network has finite weights");
        }
        float[] x = new float[codec.inputSize()];
        float[] code = new float[codec.latentSize()];
        codec.encode(x, 0, 1, code, 0);
        float[] back = new float[codec.inputSize()];
        codec.decode(code, 0, 1, back, 0);
    }
}
