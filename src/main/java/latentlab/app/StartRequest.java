package latentlab.app;

import java.nio.file.Path;

/**
 * What the window opens on: a data set instead of the bundled MNIST, and a lesson to open once it is read (each
 * null when not given).
 */
record StartRequest(Path lesson, Path data) {
    /** The window as it opens without arguments. */
    static final StartRequest NONE = new StartRequest(null, null);
}
