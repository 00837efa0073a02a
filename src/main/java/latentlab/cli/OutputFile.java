package latentlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output file before the work that produces it, so that a mistake is reported at once, not after it. */
final class OutputFile {
    private OutputFile() {
    }

    /** Its folder exists and it is not itself a folder. */
    static void check(Path out, String option) {
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UserError("cannot save to " + out + ": folder " + dir + " does not exist");
        }
        if (Files.isDirectory(out)) {
            throw new UserError(option + " " + out + " is a folder; give a file name in it");
        }
    }
}
