package latentlab.io.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import latentlab.data.Dataset;

/** Small data sets and code tables for the export tests, and a check for leftover temporary files. */
public final class ExportFixtures {
    private ExportFixtures() {
    }

    /** {@code n} images of {@code rows x cols}; pixel j of image i is (i * 31 + j * 7) % 256, label i % 10. */
    static Dataset dataset(int n, int rows, int cols) {
        int d = rows * cols;
        byte[] px = new byte[n * d];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
            for (int j = 0; j < d; j++) {
                px[i * d + j] = (byte) ((i * 31 + j * 7) % 256);
            }
        }
        return new Dataset("test images", rows, cols, px, labels);
    }

    /** A table over {@code dataset(n, rows, cols)} with made-up codes (some negative, some tiny) and errors. */
    static CodeTable table(int n, int rows, int cols, int k) {
        float[] codes = new float[n * k];
        float[] errors = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                codes[i * k + j] = (float) (Math.sin(i * 1.7 + j) * Math.pow(10, (i + j) % 7 - 3));
            }
            errors[i] = 10f + i * 0.123f;
        }
        return new CodeTable(dataset(n, rows, cols), codes, k, errors);
    }

    /** Fails if {@code dir} holds anything whose name starts with a dot (AtomicFile's and StagedFolder's temporaries). */
    public static void assertNoTemporaryFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<String> tmp = s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString())
                    .filter(name -> name.startsWith(".") || name.contains("/.")).toList();
            assertEquals(List.of(), tmp, "temporary files left in " + dir);
        }
    }
}
