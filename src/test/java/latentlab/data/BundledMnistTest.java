package latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The bundled MNIST is byte for byte the shared original, and reads as the well-known 60,000 + 10,000 digits. */
class BundledMnistTest {
    static Path mnist() {
        return DatasetLocator.bundledMnist().orElseThrow();
    }

    @Test
    void everyGzipFileMatchesTheChecksumInTheReadme() throws Exception {
        Path dir = mnist();
        String readme = Files.readString(dir.resolve("README.md"));
        Map<String, String> sums = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^([0-9a-f]{64})\\s+(\\S+\\.gz)$").matcher(readme);
        while (m.find()) {
            sums.put(m.group(2), m.group(1));
        }
        assertEquals(4, sums.size(), "README lists the four .gz checksums");
        for (var e : sums.entrySet()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve(e.getKey())));
            assertEquals(e.getValue(), HexFormat.of().formatHex(digest), e.getKey());
        }
    }

    @Test
    void thePlacesSearchedAreNamedOnceEach() {
        // Here the working folder's datasets/mnist is also the one above target/classes.
        List<Path> places = DatasetLocator.candidates();
        assertEquals(places.size(), places.stream().distinct().count(), places.toString());
        assertTrue(places.contains(Path.of("datasets", "mnist").toAbsolutePath()), places.toString());
    }

    @Test
    void readsTheWellKnownCountsShapeAndFirstLabels() throws IOException {
        DatasetPair p = DatasetPair.open(mnist());
        assertEquals(60_000, p.train().size());
        assertEquals(10_000, p.test().size());
        assertEquals(28, p.train().rows());
        assertEquals(28, p.train().cols());
        assertEquals(10, p.train().classCount());
        // The first training digit is a 5 and the first test digit a 7 (LeCun's files).
        assertEquals(List.of(5, 0, 4, 1, 9), List.of(p.train().label(0), p.train().label(1), p.train().label(2),
                p.train().label(3), p.train().label(4)));
        assertEquals(7, p.test().label(0));
        assertEquals(1135, p.test().labelCounts()[1]);
        int ink = 0;
        for (int j = 0; j < 784; j++) {
            ink += p.train().pixel(0, j) > 128 ? 1 : 0;
        }
        assertTrue(ink > 50 && ink < 300, "the first digit has a plausible number of ink pixels: " + ink);
    }
}
