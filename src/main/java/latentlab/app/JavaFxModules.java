package latentlab.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * JavaFX as named modules for the relaunched JVM. {@code java -jar} puts JavaFX on the class path (the jar's
 * manifest lists the jars in {@code lib/}), where JavaFX warns "Unsupported JavaFX configuration: classes were
 * loaded from 'unnamed module'". The child JVM gets the same jars on the module path as well: a package of a named
 * module in the boot layer hides the class path's copy, so JavaFX runs as the modules it was built as, and the
 * warning is gone. Nothing changes when no JavaFX jar is on the class path (JavaFX already a module, or absent).
 */
final class JavaFxModules {
    /** The module the window needs (it brings javafx.graphics and javafx.base). */
    static final String MODULE = "javafx.controls";

    private JavaFxModules() {
    }

    /** The options that put the JavaFX jars of {@code classPath} on the module path, or none. */
    static List<String> options(String classPath, int javaFeature) {
        List<Path> jars = jars(classPath);
        if (jars.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (Path j : jars) {
            path.append(path.length() == 0 ? "" : File.pathSeparator).append(j);
        }
        out.add("--module-path");
        out.add(path.toString());
        out.add("--add-modules=" + MODULE);
        if (javaFeature >= 24) {
            // As a named module JavaFX needs native access by name (ALL-UNNAMED no longer covers it).
            out.add("--enable-native-access=javafx.graphics");
        }
        return out;
    }

    /** The JavaFX jars on {@code classPath}, also those that a jar's manifest Class-Path adds. */
    static List<Path> jars(String classPath) {
        Set<Path> found = new LinkedHashSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            try {
                Path p = Path.of(entry).toAbsolutePath().normalize();
                if (isJavaFx(p)) {
                    found.add(p);
                } else if (p.toString().endsWith(".jar") && Files.isRegularFile(p)) {
                    for (Path q : manifestClassPath(p)) {
                        if (isJavaFx(q)) {
                            found.add(q);
                        }
                    }
                }
            } catch (InvalidPathException e) {
                // not a path this JVM can use; skip it as the class loader does
            }
        }
        return List.copyOf(found);
    }

    private static boolean isJavaFx(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        return name.startsWith("javafx-") && name.endsWith(".jar") && Files.isRegularFile(p);
    }

    /** The entries of a jar's manifest Class-Path, resolved against the jar's folder. */
    private static List<Path> manifestClassPath(Path jar) {
        List<Path> out = new ArrayList<>();
        try (JarFile f = new JarFile(jar.toFile())) {
            Manifest m = f.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
            if (cp != null) {
                Path dir = jar.getParent();
                for (String e : cp.trim().split("\\s+")) {
                    if (!e.isEmpty()) {
                        out.add(dir.resolve(e).normalize());
                    }
                }
            }
        } catch (IOException | InvalidPathException e) {
            // an unreadable jar adds nothing
        }
        return out;
    }
}
