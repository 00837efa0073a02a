package latentlab.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import latentlab.compute.Progress;
import latentlab.compute.TestPool;
import latentlab.data.Dataset;
import latentlab.io.format.LabFileException;
import latentlab.nn.Codec;
import latentlab.pca.ErrorCurve;
import latentlab.pca.Pca;
import latentlab.pca.PcaModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved PCA fit loads wherever an autoencoder model loads, and lesson files can cache one. */
class PcaModelFileTest {
    @TempDir
    Path dir;

    static Dataset images() {
        java.util.Random r = new java.util.Random(4);
        byte[] px = new byte[300 * 12];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (r.nextInt(60) + (i % 12) * 15);
        }
        return new Dataset("synthetic", 3, 4, px, new byte[300]);
    }

    @Test
    void aSavedPcaReloadsAsACodecWithItsK() throws Exception {
        Dataset d = images();
        PcaModel m = Pca.fit(d, TestPool.get(), Progress.NONE);
        Path f = dir.resolve("pca.llm");
        ModelFile.savePca(f, m, 3, new ModelFile.DataInfo("synthetic", 3, 4, 300));
        ModelFile.Contents c = ModelFile.load(f);
        assertEquals(ModelFile.PCA, c.kind());
        Codec codec = c.codec();
        assertEquals(3, codec.latentSize());
        float[] x = d.image(7);
        assertArrayEquals(m.codec(3).encode(x), codec.encode(x), 1e-6f);
        assertTrue(assertThrows(LabFileException.class, c::autoencoder).getMessage().contains("pca"));
    }

    @Test
    void curvesAndFitsSurviveSectionsAndCorruptionIsNamed() throws Exception {
        Dataset d = images();
        PcaModel m = Pca.fit(d, TestPool.get(), Progress.NONE);
        ErrorCurve curve = ErrorCurve.compute(m, d, TestPool.get(), Progress.NONE);
        Map<String, byte[]> s = ModelFile.pcaSections(m, 2, curve);
        int[] k = new int[1];
        PcaModel back = ModelFile.parsePca("x", s, k);
        assertEquals(2, k[0]);
        assertArrayEquals(m.components(), back.components());
        assertArrayEquals(curve.errorsPerImage(), ModelFile.parsePcaCurve("x", s).errorsPerImage());
        Path f = dir.resolve("bad.llm");
        ModelFile.savePca(f, m, 2, null);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 1;
        Files.write(f, b);
        assertTrue(assertThrows(LabFileException.class, () -> ModelFile.load(f)).getMessage().contains("corrupt"));
    }
}
