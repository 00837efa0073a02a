package latentlab.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the bundled MNIST folder without any network: the {@code latentlab.datasets} system property, then
 * {@code datasets/mnist} below the working directory, then beside or above the application jar (the layout of
 * {@code target/} and of the packaged app image).
 */
public final class DatasetLocator {
    private DatasetLocator() {
    }

    /** The bundled MNIST folder, if one of the usual places holds the four files. */
    public static Optional<Path> bundledMnist() {
        return candidates().stream().filter(DatasetPair::looksLikeDatasetFolder).findFirst();
    }

    /** The places searched, in order, each once (for error messages). */
    public static List<Path> candidates() {
        // The working folder and the jar's folder are often the same: a set keeps the message free of repeats.
        Set<Path> out = new LinkedHashSet<>();
        String prop = System.getProperty("latentlab.datasets");
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            out.add(p.resolve("mnist"));
            out.add(p);
        }
        out.add(Path.of("datasets", "mnist").toAbsolutePath());
        codeLocation().ifPresent(jarDir -> {
            for (Path dir = jarDir; dir != null && out.size() < 12; dir = dir.getParent()) {
                out.add(dir.resolve("datasets").resolve("mnist"));
            }
        });
        return List.copyOf(out);
    }

    private static Optional<Path> codeLocation() {
        try {
            var src = DatasetLocator.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return Optional.empty();
            }
            Path p = Path.of(src.getLocation().toURI());
            return Optional.of(Files.isDirectory(p) ? p : p.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
