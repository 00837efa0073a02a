package latentlab.io.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import latentlab.compute.CancelledException;
import latentlab.compute.ComputePool;
import latentlab.compute.RecordingProgress;
import latentlab.data.Dataset;
import latentlab.eval.Encoding;
import latentlab.eval.ReconstructionError;
import latentlab.io.format.NpyArray;
import latentlab.io.format.NpzReader;
import latentlab.math.Rng;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.nn.activation.Activation;
import latentlab.nn.activation.Activations;
import latentlab.nn.activation.LeakyRelu;
import latentlab.nn.activation.Sigmoid;
import latentlab.nn.activation.Tanh;
import latentlab.nn.loss.BinaryCrossEntropy;
import latentlab.nn.loss.SquaredError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model as .npz: layer arrays in W x + b orientation that reproduce the network, names, codes. */
class ModelExportTest {
    @TempDir
    Path dir;

    /** A 12-7-4-2 / 2-5-12 network with leaky ReLU, a tanh code and non-zero biases, so orientation errors show. */
    static Autoencoder network() {
        Architecture a = new Architecture(new int[] {12, 7, 4, 2}, new int[] {2, 5, 12}, new LeakyRelu(0.05f), new Tanh(),
                new Sigmoid());
        Autoencoder ae = Autoencoder.initialized(a, 7);
        Rng rng = new Rng(3);
        for (int l = 0; l < ae.layerCount(); l++) {
            for (int o = 0; o < ae.layer(l).outputs(); o++) {
                ae.parameters()[ae.layer(l).biasOffset() + o] = (float) rng.nextGaussian() * 0.3f;
            }
        }
        return ae;
    }

    @Test
    void decodingWithTheExportedArraysEqualsTheNetworksDecoder() throws IOException {
        Autoencoder ae = network();
        Path f = dir.resolve("model.npz");
        ModelExport.writeNpz(f, ae, new BinaryCrossEntropy(), null, latentlab.compute.Progress.NONE);
        Map<String, NpyArray> m = NpzReader.read(f);

        assertEquals(java.util.List.of("encoder_0_W", "encoder_0_b", "encoder_1_W", "encoder_1_b", "encoder_2_W",
                "encoder_2_b", "decoder_0_W", "decoder_0_b", "decoder_1_W", "decoder_1_b", "encoder_sizes",
                "decoder_sizes", "architecture", "activations", "leakyrelu_slope", "loss"), java.util.List.copyOf(m.keySet()));
        assertArrayEquals(new int[] {7, 12}, m.get("encoder_0_W").shape(), "W is out x in");
        assertArrayEquals(new int[] {7}, m.get("encoder_0_b").shape());
        assertArrayEquals(new int[] {12, 5}, m.get("decoder_1_W").shape());
        assertEquals("12-7-4-2 / 2-5-12", m.get("architecture").strings()[0]);
        assertEquals(0, m.get("architecture").rank());
        assertArrayEquals(new String[] {"leakyrelu", "tanh", "sigmoid"}, m.get("activations").strings());
        assertEquals(0.05f, m.get("leakyrelu_slope").floats()[0]);
        assertEquals("bce", m.get("loss").strings()[0]);
        assertArrayEquals(new int[] {12, 7, 4, 2}, m.get("encoder_sizes").ints());
        assertArrayEquals(new int[] {2, 5, 12}, m.get("decoder_sizes").ints());
        assertEquals(ae.parameters()[ae.layer(0).weightIndex(3, 5)], m.get("encoder_0_W").floats()[3 * 12 + 5],
                "W[o][i] is the weight from input i to output o");

        Rng rng = new Rng(11);
        for (int trial = 0; trial < 20; trial++) {
            float[] code = {(float) rng.nextGaussian() * 2, (float) rng.nextGaussian() * 2};
            assertClose(ae.decode(code), forward(m, "decoder", 2, code), "h(a) for a = " + java.util.Arrays.toString(code));
            float[] x = new float[12];
            for (int j = 0; j < 12; j++) {
                x[j] = (float) rng.nextDouble();
            }
            assertClose(ae.encode(x), forward(m, "encoder", 3, x), "g(x)");
        }
    }

    @Test
    void codesLabelsAndErrorsOfADataSetAreAdded() throws IOException {
        Autoencoder ae = network();
        Dataset data = ExportFixtures.dataset(300, 3, 4);
        try (ComputePool pool = new ComputePool(2)) {
            RecordingProgress p = new RecordingProgress();
            CodeTable t = CodeTable.compute(ae, data, pool, p);
            p.assertMonotoneToTheEnd();
            float[] codes = Encoding.encode(ae, data, pool);
            float[] errors = ReconstructionError.evaluate(ae, data, pool).perImage();
            for (int i = 0; i < codes.length; i++) {
                assertEquals(codes[i], t.codes()[i], 1e-6f * (1 + Math.abs(codes[i])), "code value " + i);
            }
            for (int i = 0; i < errors.length; i++) {
                assertEquals(errors[i], t.errors()[i], 1e-5f * errors[i], "error of image " + i);
            }
            CodeTable sample = t.sample(50, 1);
            Path f = dir.resolve("with-codes.npz");
            ModelExport.writeNpz(f, ae, new SquaredError(), sample, latentlab.compute.Progress.NONE);
            Map<String, NpyArray> m = NpzReader.read(f);
            assertArrayEquals(new int[] {50, 2}, m.get("codes").shape());
            assertArrayEquals(sample.codes(), m.get("codes").floats());
            assertArrayEquals(new int[] {50}, m.get("labels").shape());
            assertEquals("|u1", m.get("labels").descr());
            assertArrayEquals(sample.errors(), m.get("reconstruction_error").floats());
            assertArrayEquals(new int[] {3, 4}, m.get("image_shape").ints());
            assertEquals("se", m.get("loss").strings()[0]);
            int[] index = m.get("index").ints();
            for (int r = 0; r < 50; r++) {
                assertEquals(index[r] % 10, m.get("labels").bytes()[r], "label of original image " + index[r]);
                assertEquals(t.code(index[r], 1), m.get("codes").floats()[r * 2 + 1]);
                assertTrue(r == 0 || index[r] > index[r - 1], "sample keeps the data set's order");
            }
            assertThrows(CancelledException.class, () -> CodeTable.compute(ae, data, pool, new RecordingProgress(0)));
        }
        assertThrows(IllegalArgumentException.class, () -> ModelExport.arrays(ae, new SquaredError(),
                ExportFixtures.table(5, 3, 4, 3)), "codes of another size");
        Map<String, NpyArray> plain = NpzReader.read(write(Autoencoder.initialized(Architecture.mirrored(12, 3), 1)));
        assertFalse(plain.containsKey("leakyrelu_slope"), "only written for leaky ReLU networks");
        assertArrayEquals(new String[] {"relu", "identity", "sigmoid"}, plain.get("activations").strings());
    }

    private Path write(Autoencoder ae) throws IOException {
        Path f = dir.resolve("plain.npz");
        ModelExport.writeNpz(f, ae, new SquaredError(), null, latentlab.compute.Progress.NONE);
        return f;
    }

    /** Runs the exported layers {@code prefix_0 .. prefix_(layers-1)} as numpy would: z = W @ x + b, then f(z). */
    private static float[] forward(Map<String, NpyArray> m, String prefix, int layers, float[] input) {
        String[] acts = m.get("activations").strings();
        float slope = m.get("leakyrelu_slope").floats()[0];
        double[] x = new double[input.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = input[i];
        }
        for (int l = 0; l < layers; l++) {
            NpyArray w = m.get(prefix + "_" + l + "_W");
            float[] b = m.get(prefix + "_" + l + "_b").floats();
            int out = w.dimension(0);
            int in = w.dimension(1);
            assertEquals(x.length, in);
            boolean last = l == layers - 1;
            String name = last ? (prefix.equals("encoder") ? acts[1] : acts[2]) : acts[0];
            Activation f = name.equals("leakyrelu") ? new LeakyRelu(slope) : Activations.byName(name);
            double[] y = new double[out];
            for (int o = 0; o < out; o++) {
                double z = b[o];
                for (int i = 0; i < in; i++) {
                    z += w.floats()[o * in + i] * x[i];
                }
                y[o] = f.apply(z);
            }
            x = y;
        }
        float[] r = new float[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) x[i];
        }
        return r;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * (1 + Math.abs(expected[i])), what + " [" + i + "]");
        }
    }
}
