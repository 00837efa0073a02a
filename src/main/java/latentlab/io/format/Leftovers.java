package latentlab.io.format;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes what saves interrupted by a crash, a kill or a power cut left in a folder: the temporary files of
 * {@link AtomicFile} ({@code .NAME.HEX.tmp}) and the staging folders of {@link StagedFolder}
 * ({@code .export-DIGITS}). Only names of exactly these patterns are touched, and only if they were last written
 * before this process started, so a save in progress in another Latent Lab is left alone. A folder is looked at
 * once per process (what is written into it later is not stale by that rule), so writing many files into one
 * folder, like the frames of an animation, does not list it again for each. Best effort: a file that cannot be
 * removed stays, and the save goes on.
 */
final class Leftovers {
    /** {@code "." + target name + "." + Long.toHexString(random) + ".tmp"}, as {@link AtomicFile} names them. */
    static final Pattern TEMP_FILE = Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.tmp");
    /** As {@code Files.createTempDirectory(folder, ".export-")} names them. */
    static final Pattern STAGING_FOLDER = Pattern.compile("\\.export-[0-9]+");
    private static final FileTime PROCESS_START = FileTime.fromMillis(
            ManagementFactory.getRuntimeMXBean().getStartTime());
    private static final Set<Path> LOOKED_AT = ConcurrentHashMap.newKeySet();

    private Leftovers() {
    }

    /** Removes the stale temporary files and staging folders of {@code folder}. */
    static void clean(Path folder) {
        if (!LOOKED_AT.add(folder.toAbsolutePath().normalize())) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, ".*")) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.lastModifiedTime().compareTo(PROCESS_START) >= 0) {
                    continue;
                }
                if (a.isRegularFile() && TEMP_FILE.matcher(name).matches()) {
                    Files.deleteIfExists(p);
                } else if (a.isDirectory() && STAGING_FOLDER.matcher(name).matches()) {
                    removeStaging(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Leftovers are untidy, not harmful; the save itself must not fail because of them.
        }
    }

    /** A staging folder holds only the files being exported (and their temporary files), never links or folders. */
    private static void removeStaging(Path staging) throws IOException {
        try (Stream<Path> s = Files.list(staging)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    return;
                }
            }
        }
        try (Stream<Path> s = Files.walk(staging)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
