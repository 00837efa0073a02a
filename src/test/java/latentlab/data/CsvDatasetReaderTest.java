package latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import latentlab.compute.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV data sets: the {@code label,pixel,...} layout, strictly read, alone or as a train/test pair. */
class CsvDatasetReaderTest {
    @TempDir
    Path dir;
    private static Dataset mnist;

    @BeforeAll
    static void load() throws IOException {
        mnist = DatasetPair.open(DatasetLocator.bundledMnist().orElseThrow()).test().first(300);
    }

    /** The images as CSV text, optionally with a header and as fractions of 255. */
    private static String csv(Dataset d, boolean header, boolean unit) {
        StringBuilder s = new StringBuilder();
        if (header) {
            s.append("label");
            for (int j = 0; j < d.dimension(); j++) {
                s.append(",").append(j / d.cols() + 1).append("x").append(j % d.cols() + 1);
            }
            s.append("\r\n");
        }
        for (int i = 0; i < d.size(); i++) {
            s.append(d.label(i));
            for (int j = 0; j < d.dimension(); j++) {
                int v = d.pixel(i, j);
                s.append(',').append(unit ? Double.toString(v / 255.0) : Integer.toString(v));
            }
            s.append(i % 2 == 0 ? "\n" : "\r\n");
        }
        return s.toString();
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.US_ASCII);
        return p;
    }

    private static void assertSameImages(Dataset expected, Dataset actual) {
        assertEquals(expected.size(), actual.size());
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.cols(), actual.cols());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.label(i), actual.label(i), "label of image " + i);
            for (int j = 0; j < expected.dimension(); j++) {
                assertEquals(expected.pixel(i, j), actual.pixel(i, j), "image " + i + " pixel " + j);
            }
        }
    }

    @Test
    void readsMnistAsCsvWithOrWithoutHeaderPlainOrGzipped() throws IOException {
        Path plain = write("a.csv", csv(mnist, false, false));
        assertSameImages(mnist, CsvDatasetReader.read(plain, "a", Progress.NONE));
        Path header = write("b.csv", csv(mnist, true, false) + "\n\n");
        assertSameImages(mnist, CsvDatasetReader.read(header, "b", Progress.NONE));
        Path gz = dir.resolve("c.csv");                   // gzip is recognised by its bytes, not its name
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(csv(mnist, true, false).getBytes(StandardCharsets.US_ASCII));
        }
        assertSameImages(mnist, CsvDatasetReader.read(gz, "c", Progress.NONE));
        Dataset d = CsvDatasetReader.read(plain, "a", Progress.NONE);
        assertEquals(28, d.rows(), "the shape comes from the number of values");
    }

    @Test
    void pixelsGivenAsFractionsAreScaledEvenAfterLinesOfOnlyZerosAndOnes() throws IOException {
        String ones = "3," + "1,0,0,1" + "\n";
        Path p = write("u.csv", ones + "4,0.5,1,0,0.2\n");
        Dataset d = CsvDatasetReader.read(p, "u", Progress.NONE);
        assertEquals(2, d.rows());
        assertArrayEquals(new float[] {1, 0, 0, 1}, d.image(0), "1 meant full ink all along");
        assertEquals(128, d.pixel(1, 0));
        assertEquals(255, d.pixel(1, 1));
        assertEquals(51, d.pixel(1, 3));
        Path all = write("all.csv", csv(mnist.first(20), false, true));
        assertSameImages(mnist.first(20), CsvDatasetReader.read(all, "all", Progress.NONE));
    }

    private void assertProblem(String text, String... parts) throws IOException {
        Path p = write("bad.csv", text);
        IOException e = assertThrows(IOException.class, () -> CsvDatasetReader.read(p, "bad", Progress.NONE));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
        assertTrue(e.getMessage().startsWith("bad.csv"), "names the file: " + e.getMessage());
    }

    @Test
    void malformedFilesNameTheLineAndTheProblem() throws IOException {
        assertProblem("1,0,0,0,0\n2,0,0,0\n", "line 2", "4 fields", "first image's line has 5");
        assertProblem("1,0,0,0\n", "3 pixel values", "not a square");
        assertProblem("300,0,0,0,0\n", "line 1", "label is 300");
        assertProblem("label,a,b,c,d\n1,0,0,0,0\n-1,0,0,0,0\n", "line 3", "label is -1");
        assertProblem("2.5,0,0,0,0\n", "label is 2.5");
        assertProblem("1,0,256,0,0\n", "pixel 2 is 256");
        assertProblem("1,0,200,0,0\n1,0,0.5,0,0\n", "line 2", "pixel 2 is 0.5", "whole numbers");
        assertProblem("1,0,0.5,0,0\n1,0,200,0,0\n", "line 2", "pixel 2 is 200", "fractions");
        assertProblem("1,0,0,0,0\n1,0,abc,0,0\n", "line 2", "field 3 is 'abc'");
        assertProblem("1,0,,0,0\n", "field 3 is empty");
        assertProblem("1,0,0 5,0,0\n", "field 3 is '05'");
        assertProblem("1,0,NaN,0,0\n", "pixel 2 is NaN");
        assertProblem("pixel0,pixel1,pixel2,pixel3\n0,0,0,0\n", "no label column");
        assertProblem("", "holds no images");
        assertProblem("label,p1\n", "holds no images");
        assertProblem("1," + "0,".repeat(3) + "1".repeat(70) + "\n", "longer than any number");
    }

    @Test
    void aTruncatedGzipIsReportedAsSuch() throws IOException {
        Path gz = dir.resolve("t.csv.gz");
        byte[] bytes;
        try (var buffer = new java.io.ByteArrayOutputStream(); OutputStream out = new GZIPOutputStream(buffer)) {
            out.write(csv(mnist, false, false).getBytes(StandardCharsets.US_ASCII));
            out.close();
            bytes = buffer.toByteArray();
        }
        Files.write(gz, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException e = assertThrows(IOException.class, () -> CsvDatasetReader.read(gz, "t", Progress.NONE));
        assertTrue(e.getMessage().contains("t.csv.gz") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aTrainFileOpensWithItsTestSibling() throws IOException {
        Dataset train = mnist.first(200);
        Dataset test = mnist.subset("t", new int[] {250, 251, 252});
        write("digits_train.csv", csv(train, true, false));
        Path testFile = write("digits_test.csv", csv(test, true, false));
        for (Path chosen : new Path[] {dir.resolve("digits_train.csv"), testFile}) {
            DatasetPair pair = DatasetPair.open(chosen, Progress.NONE);
            assertEquals("digits", pair.name());
            assertSameImages(train, pair.train());
            assertSameImages(test, pair.test());
        }
        assertTrue(DatasetPair.looksLikeDataset(testFile));
    }

    @Test
    void oneFileIsSplitIntoASeventhForTestingTheSameWayEveryTime() throws IOException {
        Path p = write("mine.csv", csv(mnist, false, false));
        DatasetPair a = DatasetPair.open(p, Progress.NONE);
        DatasetPair b = DatasetPair.open(p, Progress.NONE);
        assertEquals(300 / 7, a.test().size());
        assertEquals(300 - 300 / 7, a.train().size());
        assertSameImages(a.test(), b.test());
        Set<String> seen = new HashSet<>();
        for (Dataset d : new Dataset[] {a.train(), a.test()}) {
            for (int i = 0; i < d.size(); i++) {
                seen.add(java.util.Arrays.toString(d.image(i)) + d.label(i));
            }
        }
        Set<String> all = new HashSet<>();
        for (int i = 0; i < mnist.size(); i++) {
            all.add(java.util.Arrays.toString(mnist.image(i)) + mnist.label(i));
        }
        assertEquals(all, seen, "every image lands in exactly one of the two");
        Path one = write("one.csv", "1,0,0,0,0\n");
        IOException e = assertThrows(IOException.class, () -> DatasetPair.open(one, Progress.NONE));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        Path text = write("notes.txt", "hello");
        IOException e2 = assertThrows(IOException.class, () -> DatasetPair.open(text, Progress.NONE));
        assertTrue(e2.getMessage().contains("neither a folder"), e2.getMessage());
    }
}
