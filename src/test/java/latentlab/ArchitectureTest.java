package latentlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The core never depends on JavaFX: only {@code app} and {@code ui} may mention it. Checked on the sources (any
 * {@code javafx.} reference, imported or fully qualified) and on the compiled classes' constant pools.
 */
class ArchitectureTest {
    private static final Set<String> UI_PACKAGES = Set.of("app", "ui");
    private static final Path SOURCES = Path.of("src", "main", "java", "latentlab");
    private static final Path CLASSES = Path.of("target", "classes", "latentlab");
    private static final Pattern JAVAFX = Pattern.compile("\\bjavafx\\.");

    @Test
    void corePackagesNeverMentionJavafxInSource() throws IOException {
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String pkg = SOURCES.relativize(f).getName(0).toString();
                if (UI_PACKAGES.contains(pkg) || f.getParent().equals(SOURCES)) {
                    continue;
                }
                checked++;
                String code = stripComments(Files.readString(f));
                if (JAVAFX.matcher(code).find()) {
                    offenders.add(f.toString());
                }
            }
        }
        assertTrue(checked >= 10, "checked the core sources (" + checked + ")");
        assertEquals(List.of(), offenders, "core sources that use JavaFX");
    }

    @Test
    void corePackagesNeverReferenceJavafxInBytecode() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String pkg = CLASSES.relativize(f).getName(0).toString();
                if (UI_PACKAGES.contains(pkg) || f.getParent().equals(CLASSES)) {
                    continue;
                }
                String bytes = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (bytes.contains("javafx/")) {
                    offenders.add(f.toString());
                }
            }
        }
        assertEquals(List.of(), offenders, "core classes that reference JavaFX");
    }

    @Test
    void theCheckCatchesAnOffender() {
        assertTrue(JAVAFX.matcher(stripComments("import javafx.scene.Node;")).find());
        assertTrue(JAVAFX.matcher(stripComments("var n = new javafx.scene.Group();")).find());
        assertTrue(!JAVAFX.matcher(stripComments("// javafx.scene is not used here\n/* javafx.x */")).find());
    }

    private static String stripComments(String src) {
        return src.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }
}
