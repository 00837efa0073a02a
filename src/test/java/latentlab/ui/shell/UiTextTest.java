package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Text shown in the window has no combining marks (such as the tilde of x̃, U+0303): JavaFX 21 measures a wrapped
 * label's lines without them and draws them with them, so a paragraph containing one overflows its box and repeats
 * words at line breaks (seen in the guide and the Embeddings tab). Precomposed characters and primes are fine.
 */
class UiTextTest {
    private static final Pattern COMBINING = Pattern.compile("[\\u0300-\\u036F]");

    @Test
    void windowTextHasNoCombiningMarks() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("src", "main", "java", "latentlab", "ui"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        }
        files.add(Path.of("resources", "latentlab", "help", "guide.txt"));
        List<String> offenders = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                if (COMBINING.matcher(lines.get(i)).find()) {
                    offenders.add(f + ":" + (i + 1));
                }
            }
        }
        assertTrue(files.size() > 20, "the sources were found");
        assertEquals(List.of(), offenders);
    }

    @Test
    void theCheckCatchesATilde() {
        assertTrue(COMBINING.matcher("x\u0303 = h(a)").find());
        assertTrue(!COMBINING.matcher("x\u2032 = h(a), \u03a3 (x \u2212 x\u2032)\u00b2").find());
    }
}
