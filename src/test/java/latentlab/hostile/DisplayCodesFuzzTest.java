package latentlab.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import latentlab.data.Dataset;
import latentlab.io.format.NpyFormatException;
import latentlab.io.model.DisplayCodesFile;
import latentlab.io.model.ModelFileTest;
import latentlab.train.Checkpoint;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutated files of kept codes, read as the window reads the bundled one (from a stream): they give codes of the right
 * size, or none (the key is another's), or are refused with a typed error, within a bounded allocation.
 */
class DisplayCodesFuzzTest {
    private static final Checkpoint NET = ModelFileTest.checkpoint();
    private static final Dataset IMAGES = new Dataset("tiny", 3, 4, new byte[20 * 12], new byte[20]);
    private static final byte[] VALID;

    static {
        try {
            float[] codes = new float[20 * 2];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = i / 3f;
            }
            VALID = Scratch.bytesOf(".npz", p -> DisplayCodesFile.write(p, NET, IMAGES, codes));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutations.some(List.of(Mutations.flip(), Mutations.truncate(), Mutations.extend(), Mutations.splice(),
                Mutations.extremeInt(), Mutations.headerField(List.of(8, 14, 18, 22, 26, 28))));
    }

    @Property(tries = 1500, seed = "1410")
    void mutatedKeptCodesAreUsedWholeOrNotAtAll(@ForAll("mutations") List<Mutation> m) {
        byte[] b = Mutations.apply(m, VALID);
        float[] codes = Outcome.of(() -> DisplayCodesFile.read(new ByteArrayInputStream(b), "codes.npz", NET, IMAGES),
                (16L << 20) + 64L * b.length, List.of(NpyFormatException.class));
        if (codes != null) {
            assertEquals(20 * 2, codes.length);
        }
    }
}
