package latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relaunched JVM gets the JavaFX jars of the class path, also those of the jar's manifest, as modules. */
class JavaFxModulesTest {
    @TempDir
    Path dir;

    private Path jar(Path p, String classPath) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        Files.createDirectories(p.getParent());
        try (OutputStream out = Files.newOutputStream(p); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return p;
    }

    @Test
    void javaJarFindsJavaFxThroughTheManifest() throws IOException {
        Path fx = jar(dir.resolve("lib/javafx-graphics-21-linux.jar"), null);
        Path base = jar(dir.resolve("lib/javafx-base-21-linux.jar"), null);
        jar(dir.resolve("lib/picocli-4.jar"), null);
        Path app = jar(dir.resolve("latent-lab.jar"),
                "lib/javafx-graphics-21-linux.jar lib/picocli-4.jar lib/javafx-base-21-linux.jar lib/missing.jar");
        assertEquals(List.of(fx, base), JavaFxModules.jars(app.toString()));
        List<String> opts = JavaFxModules.options(app.toString(), 17);
        assertEquals(List.of("--module-path", fx + File.pathSeparator + base, "--add-modules=javafx.controls"), opts);
        assertTrue(JavaFxModules.options(app.toString(), 25).contains("--enable-native-access=javafx.graphics"));
    }

    @Test
    void aClassPathWithoutJavaFxChangesNothing() throws IOException {
        Path other = jar(dir.resolve("other.jar"), null);
        assertEquals(List.of(), JavaFxModules.options(other + File.pathSeparator + dir.resolve("classes"), 17));
        assertEquals(List.of(), JavaFxModules.options("", 17));
    }
}
