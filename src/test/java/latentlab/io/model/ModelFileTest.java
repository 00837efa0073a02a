package latentlab.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import latentlab.data.BatchSampler;
import latentlab.io.format.LabFile;
import latentlab.io.format.LabFileException;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.nn.activation.LeakyRelu;
import latentlab.nn.activation.Sigmoid;
import latentlab.nn.activation.Tanh;
import latentlab.nn.loss.BinaryCrossEntropy;
import latentlab.train.Checkpoint;
import latentlab.train.EpochRecord;
import latentlab.train.LossTrace;
import latentlab.train.OptimizerKind;
import latentlab.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ModelFileTest {
    @TempDir
    Path dir;

    public static Checkpoint checkpoint() {
        Architecture a = new Architecture(new int[] {12, 6, 2}, new int[] {2, 5, 12}, new LeakyRelu(), new Tanh(),
                new Sigmoid());
        Autoencoder ae = Autoencoder.initialized(a, 4);
        TrainingConfig c = new TrainingConfig(a, new BinaryCrossEntropy(), OptimizerKind.ADAM, 3e-4, 32, 4, 2, 1e-5, 0.9);
        float[] m = new float[ae.parameterCount()];
        float[] v = new float[ae.parameterCount()];
        Arrays.fill(m, 0.25f);
        Arrays.fill(v, 0.5f);
        return new Checkpoint(c, a, ae.parameters(), "adam", new float[][] {m, v}, 77,
                new BatchSampler.State(123456789L, 3, 2, new int[] {4, 2, 0, 1, 3}),
                List.of(new EpochRecord(1, 40, 150.5, 140.25, 30.5, 1.5, 20000)),
                LossTrace.View.of(new long[] {1, 2, 3}, new float[] {200f, 190f, 180f}));
    }

    private Path saved() throws IOException {
        Path f = dir.resolve("m.llm");
        ModelFile.save(f, checkpoint(), new ModelFile.DataInfo("tiny", 3, 4, 5), Map.of("extra", new byte[] {1, 2, 3}));
        return f;
    }

    @Test
    void roundTripRestoresEverything() throws IOException {
        Checkpoint cp = checkpoint();
        ModelFile.Contents c = ModelFile.load(saved());
        assertEquals(ModelFile.AUTOENCODER, c.kind());
        Autoencoder ae = c.autoencoder();
        assertEquals(cp.architecture(), ae.architecture());
        assertArrayEquals(cp.parameters(), ae.parameters());
        Checkpoint back = c.checkpoint();
        assertEquals(cp.config().toString(), back.config().toString());
        assertEquals(77, back.step());
        assertEquals("adam", back.optimizerName());
        assertArrayEquals(cp.optimizerState()[1], back.optimizerState()[1]);
        assertEquals(cp.sampler().rngState(), back.sampler().rngState());
        assertArrayEquals(cp.sampler().order(), back.sampler().order());
        assertEquals(cp.epochs(), back.epochs());
        assertEquals(3, back.batchLosses().length());
        assertEquals(190f, back.batchLosses().value(1));
        assertEquals(new ModelFile.DataInfo("tiny", 3, 4, 5), c.data());
        assertArrayEquals(new byte[] {1, 2, 3}, c.sections().get("extra"), "unknown sections are kept");
        float[] x = new float[12];
        Arrays.fill(x, 0.5f);
        assertArrayEquals(Autoencoder.withParameters(cp.architecture(), cp.parameters()).decode(new float[] {1f, -1f}),
                ae.decode(new float[] {1f, -1f}), "the loaded model decodes like the saved one");
    }

    @Test
    void everyKindOfBadFileGivesAClearMessage() throws IOException {
        byte[] good = Files.readAllBytes(saved());
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("truncated.llm", Arrays.copyOf(good, good.length / 2));
        byte[] flipped = good.clone();
        flipped[good.length / 3] ^= 0x10;
        bad.put("flipped.llm", flipped);
        bad.put("empty.llm", new byte[0]);
        bad.put("text.llm", "epoch,loss\n1,2\n".getBytes());
        byte[] foreign = good.clone();
        foreign[0] = 'P';
        foreign[1] = 'K';
        bad.put("zip.llm", foreign);
        Map<String, String> expected = Map.of("truncated.llm", "corrupt or truncated", "flipped.llm",
                "corrupt or truncated", "empty.llm", "not a Latent Lab file", "text.llm", "not a Latent Lab file",
                "zip.llm", "not a Latent Lab file");
        for (var e : bad.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.write(f, e.getValue());
            LabFileException ex = assertThrows(LabFileException.class, () -> ModelFile.load(f), e.getKey());
            assertTrue(ex.getMessage().startsWith(e.getKey() + ": "), ex.getMessage());
            assertTrue(ex.getMessage().contains(expected.get(e.getKey())), ex.getMessage());
        }
    }

    @Test
    void newerFormatAndInconsistentContentAreNamed() throws IOException {
        Map<String, byte[]> sections = ModelFile.sections(checkpoint(), null, null);
        Path newer = dir.resolve("newer.llm");
        LabFile.write(newer, sections);
        byte[] b = Files.readAllBytes(newer);
        b[5] = 9; // format version 9, then fix the checksum so only the version is wrong
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b, 0, b.length - 4);
        java.nio.ByteBuffer.wrap(b).putInt(b.length - 4, (int) crc.getValue());
        Files.write(newer, b);
        assertTrue(assertThrows(LabFileException.class, () -> ModelFile.load(newer)).getMessage()
                .contains("newer Latent Lab"));

        Map<String, byte[]> wrongCount = new LinkedHashMap<>(sections);
        wrongCount.put("network", new LabFile.SectionWriter().putString("12-6-2").putString("2-5-12")
                .putString("leakyrelu").putString("tanh").putString("sigmoid").putFloats(new float[10]).toByteArray());
        Path f = dir.resolve("count.llm");
        LabFile.write(f, wrongCount);
        assertTrue(assertThrows(LabFileException.class, () -> ModelFile.load(f)).getMessage()
                .contains("needs " + checkpoint().architecture().parameterCount() + " parameters"));

        Map<String, byte[]> noKind = new LinkedHashMap<>(sections);
        noKind.remove("kind");
        Path g = dir.resolve("nokind.llm");
        LabFile.write(g, noKind);
        assertTrue(assertThrows(LabFileException.class, () -> ModelFile.load(g)).getMessage()
                .contains("no 'kind' section"));

        Map<String, byte[]> hugeClaim = new LinkedHashMap<>(sections);
        hugeClaim.put("network", new LabFile.SectionWriter().putString("12-6-2").putString("2-5-12")
                .putString("leakyrelu").putString("tanh").putString("sigmoid").putInt(Integer.MAX_VALUE).toByteArray());
        Path h = dir.resolve("huge.llm");
        LabFile.write(h, hugeClaim);
        assertTrue(assertThrows(LabFileException.class, () -> ModelFile.load(h)).getMessage()
                .contains("truncated or corrupt"));
    }

    @Test
    void aFailedSaveLeavesThePreviousFileIntactAndNoTemporaryFile() throws IOException {
        Path f = saved();
        byte[] before = Files.readAllBytes(f);
        Map<String, byte[]> other = ModelFile.sections(checkpoint(), null, null);
        assertThrows(IOException.class, () -> LabFile.write(f, other, 1000));
        assertArrayEquals(before, Files.readAllBytes(f), "old file untouched");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("m.llm"), files.map(p -> p.getFileName().toString()).toList(), "no temp files left");
        }
        assertThrows(IOException.class, () -> ModelFile.save(dir.resolve("missing-folder").resolve("x.llm"),
                checkpoint(), null, null));
    }
}
