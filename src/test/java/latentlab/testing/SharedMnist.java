package latentlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import latentlab.compute.Progress;
import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;

/**
 * The bundled MNIST, read once per test JVM and shared: the window tests open it dozens of times, and a data set is
 * never changed once read. Tests where reading is the point read it themselves.
 */
public final class SharedMnist {
    private static DatasetPair pair;

    private SharedMnist() {
    }

    /** The bundled MNIST (read on first use). */
    public static synchronized DatasetPair pair() {
        if (pair == null) {
            try {
                pair = DatasetPair.open(bundled(), Progress.NONE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pair;
    }

    /**
     * A {@link latentlab.ui.shell.DatasetSession.Reader}: the shared MNIST for the bundled folder, anything else
     * read as usual.
     */
    public static DatasetPair read(Path source, Progress progress) throws IOException {
        if (source.toAbsolutePath().normalize().equals(bundled().toAbsolutePath().normalize())) {
            return pair();
        }
        return DatasetPair.open(source, progress);
    }

    private static Path bundled() {
        return DatasetLocator.bundledMnist().orElseThrow();
    }
}
