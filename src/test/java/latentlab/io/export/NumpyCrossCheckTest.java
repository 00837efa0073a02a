package latentlab.io.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.io.format.NpyArray;
import latentlab.io.format.NpyFormatTest;
import latentlab.io.format.NpyReader;
import latentlab.io.format.NpyWriter;
import latentlab.io.format.NpzReader;
import latentlab.io.format.NpzWriter;
import latentlab.nn.Autoencoder;
import latentlab.nn.loss.BinaryCrossEntropy;
import latentlab.testing.ChildProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files against real NumPy: numpy.load reads what we write, we read what numpy.save writes, and the Python
 * snippet given to students reproduces the decoder. Skipped (not failed) where {@code python3} with numpy is not
 * installed, as on a bare CI machine.
 */
@Tag("slow")
class NumpyCrossCheckTest {
    /** The snippet for students (also in the hand-over notes): loads a model export and decodes a code. */
    static final String SNIPPET = """
            import numpy as np

            m = np.load("model.npz")
            slope = float(m["leakyrelu_slope"]) if "leakyrelu_slope" in m.files else 0.01
            f = {"relu": lambda z: np.maximum(z, 0),
                 "leakyrelu": lambda z: np.where(z > 0, z, slope * z),
                 "elu": lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0))),
                 "tanh": np.tanh,
                 "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
                 "identity": lambda z: z}
            hidden, code, output = (str(s) for s in m["activations"])

            def run(part, x, last):
                n = len(m[part + "_sizes"]) - 1
                for i in range(n):
                    x = m[f"{part}_{i}_W"] @ x + m[f"{part}_{i}_b"]
                    x = f[last if i == n - 1 else hidden](x)
                return x

            def encode(x):
                return run("encoder", x, code)

            def decode(a):
                return run("decoder", a, output)

            a = m["codes"][0]                            # the code of the first image
            img = decode(a).reshape(m["image_shape"])    # e.g. 28 x 28, values in [0, 1]
            print(m["architecture"], m["labels"][0], img.shape)
            """;

    private static boolean numpy;

    @TempDir
    Path dir;

    @BeforeAll
    static void findNumpy() {
        try {
            ChildProcess.Result r = ChildProcess.run(new ProcessBuilder("python3", "-c", "import numpy")
                    .redirectErrorStream(true), 60);
            numpy = r.ended() && r.exitValue() == 0;
        } catch (IOException e) {
            numpy = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            numpy = false;
        }
    }

    private static void assumeNumpy() {
        Assumptions.assumeTrue(numpy, "python3 with numpy is not installed; NumPy cross-checks skipped");
    }

    @Test
    void numpyLoadsOurNpyAndNpzFilesAndWeReadWhatNumpySaves() throws IOException {
        assumeNumpy();
        List<NpyArray> samples = NpyFormatTest.samples();
        NpzWriter npz = new NpzWriter();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Path f = dir.resolve("s" + i + ".npy");
            NpyWriter.write(f, samples.get(i));
            npz.add("s" + i, samples.get(i));
            args.add(f.toString());
        }
        npz.write(dir.resolve("stored.npz"));
        npz.compressed(true).write(dir.resolve("deflated.npz"));
        String out = python("""
                import sys, numpy as np
                out = sys.argv[1]
                for path in sys.argv[2:]:
                    a = np.load(path)
                    name = path.rsplit("/", 1)[1][:-4]
                    print(name, a.dtype.str, a.shape, a.flags["C_CONTIGUOUS"])
                    np.save(out + "/np_" + name + ".npy", a)
                for kind in ("stored", "deflated"):
                    with np.load(out + "/" + kind + ".npz") as z:
                        for k in z.files:
                            np.save(out + "/" + kind + "_" + k + ".npy", z[k])
                """, prepend(dir.toString(), args));
        List<String> lines = out.lines().toList();
        for (int i = 0; i < samples.size(); i++) {
            NpyArray a = samples.get(i);
            String shape = a.rank() == 0 ? "()" : NpyArray.shapeString(a.shape());
            assertEquals("s" + i + " " + a.descr() + " " + shape + " True", lines.get(i), "numpy's view of " + a);
            assertEquals(a, NpyReader.read(dir.resolve("np_s" + i + ".npy")), "numpy.save of " + a);
            assertEquals(a, NpyReader.read(dir.resolve("stored_s" + i + ".npy")), "stored npz entry " + i);
            assertEquals(a, NpyReader.read(dir.resolve("deflated_s" + i + ".npy")), "deflated npz entry " + i);
        }
    }

    @Test
    void arraysMadeByNumpyAreReadCorrectly() throws IOException {
        assumeNumpy();
        python("""
                import sys, numpy as np
                d = sys.argv[1]
                np.save(d + "/fortran.npy", np.asfortranarray(np.arange(24, dtype=np.float32).reshape(2, 3, 4)))
                np.save(d + "/big.npy", np.arange(-2, 3, dtype=">i4"))
                np.save(d + "/bytes.npy", np.arange(200, 224, dtype=np.uint8).reshape(2, 3, 4))
                np.save(d + "/scalar.npy", np.float32(0.1))
                np.save(d + "/text.npy", np.array("h\\u00e9llo \\U0001F600"))
                np.save(d + "/names.npy", np.array(["relu", "", "sigmoid"]))
                np.save(d + "/empty.npy", np.zeros((0, 3), dtype=np.float32))
                np.savez_compressed(d + "/both.npz", codes=np.ones((4, 2), np.float32), labels=np.arange(4, dtype=np.uint8))
                """, List.of(dir.toString()));
        float[] seq = new float[24];
        for (int i = 0; i < 24; i++) {
            seq[i] = i;
        }
        assertEquals(NpyArray.floats(seq, 2, 3, 4), NpyReader.read(dir.resolve("fortran.npy")), "Fortran order");
        assertEquals(NpyArray.ints(new int[] {-2, -1, 0, 1, 2}, 5), NpyReader.read(dir.resolve("big.npy")), "big-endian");
        NpyArray bytes = NpyReader.read(dir.resolve("bytes.npy"));
        assertArrayEquals(new int[] {2, 3, 4}, bytes.shape());
        assertEquals(223, bytes.bytes()[23] & 0xFF);
        NpyArray scalar = NpyReader.read(dir.resolve("scalar.npy"));
        assertEquals(0, scalar.rank());
        assertEquals(0.1f, scalar.floats()[0]);
        assertEquals("h\u00e9llo \uD83D\uDE00", NpyReader.read(dir.resolve("text.npy")).strings()[0]);
        assertArrayEquals(new String[] {"relu", "", "sigmoid"}, NpyReader.read(dir.resolve("names.npy")).strings());
        assertArrayEquals(new int[] {0, 3}, NpyReader.read(dir.resolve("empty.npy")).shape());
        Map<String, NpyArray> both = NpzReader.read(dir.resolve("both.npz"));
        assertEquals(List.of("codes", "labels"), List.copyOf(both.keySet()));
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, both.get("codes").floats());
        assertArrayEquals(new byte[] {0, 1, 2, 3}, both.get("labels").bytes());
    }

    @Test
    void theStudentSnippetReproducesTheDecoder() throws IOException {
        assumeNumpy();
        Autoencoder ae = ModelExportTest.network();
        Dataset data = ExportFixtures.dataset(40, 3, 4);
        CodeTable t;
        try (ComputePool pool = new ComputePool(1)) {
            t = CodeTable.compute(ae, data, pool, Progress.NONE);
        }
        Path model = dir.resolve("model.npz");
        ModelExport.writeNpz(model, ae, new BinaryCrossEntropy(), t, Progress.NONE);
        String script = SNIPPET.replace("np.load(\"model.npz\")", "np.load(sys.argv[1])") + """
                np.save(sys.argv[2], np.asarray(img, dtype=np.float32))
                np.save(sys.argv[3], np.asarray(encode(decode(a)), dtype=np.float32))
                """;
        String out = python("import sys\n" + script, List.of(model.toString(), dir.resolve("img.npy").toString(),
                dir.resolve("code.npy").toString()));
        assertEquals("12-7-4-2 / 2-5-12 0 (3, 4)", out.strip());
        float[] code = {t.code(0, 0), t.code(0, 1)};
        float[] expected = ae.decode(code);
        NpyArray img = NpyReader.read(dir.resolve("img.npy"));
        assertArrayEquals(new int[] {3, 4}, img.shape());
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], img.floats()[j], 1e-5, "pixel " + j + " of h(a)");
        }
        float[] again = ae.encode(expected);
        float[] fromPython = NpyReader.read(dir.resolve("code.npy")).floats();
        for (int j = 0; j < 2; j++) {
            assertEquals(again[j], fromPython[j], 1e-5 * (1 + Math.abs(again[j])), "g(h(a))[" + j + "]");
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** Runs {@code script} with python3 and returns its output; fails the test with Python's error otherwise. */
    private String python(String script, List<String> args) throws IOException {
        Path file = dir.resolve("script.py");
        Files.writeString(file, script);
        List<String> cmd = new ArrayList<>(List.of("python3", file.toString()));
        cmd.addAll(args);
        ChildProcess.Result r;
        try {
            r = ChildProcess.run(new ProcessBuilder(cmd).redirectErrorStream(true), 120);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        assertTrue(r.ended(), "python3 did not finish: " + r.out());
        if (r.exitValue() != 0) {
            fail("python3 failed:\n" + r.out());
        }
        return r.out();
    }
}
