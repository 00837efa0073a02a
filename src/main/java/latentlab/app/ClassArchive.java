package latentlab.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Application class-data sharing (AppCDS, JEP 310) for {@code java -jar}: an archive of the classes a start of the
 * window and the usual commands load, already parsed and verified, which the relaunched JVM maps instead of reading
 * and verifying some 6,000 classes from the jars. It is written once, at build time (the POM runs
 * {@code java -Dlatentlab.writeClassArchive=true -jar target/latent-lab.jar}), from the class list in the jar
 * ({@value #CLASS_LIST}, made by {@code src/build/class-list.sh}), with {@code -Xshare:dump}.
 *
 * <p>An archive is valid only for the JVM build that wrote it and for the exact class path and module path it was
 * written with, so its name carries the JVM's version and location, and the child JVM gets an absolute class path.
 * When anything differs (the jar was moved, another JDK runs it), the JVM ignores the archive without a word
 * ({@code -Xshare:auto}) and loads the classes from the jars as before: slower to start, nothing else.
 */
final class ClassArchive {
    /** The class list in the jar. */
    static final String CLASS_LIST = "/latentlab/app/classes.lst";
    /** System property: write the archive for this JVM beside the jar and exit. */
    static final String WRITE = "latentlab.writeClassArchive";

    private ClassArchive() {
    }

    /** The single jar {@code java -jar} runs, or null when the class path is anything else (an IDE, Maven). */
    static Path jar(String classPath) {
        if (classPath == null || classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator)
                || !classPath.endsWith(".jar")) {
            return null;
        }
        return Path.of(classPath).toAbsolutePath().normalize();
    }

    /** Where the archive of this JVM for {@code jar} lives: beside it, named for the JVM's version and location. */
    static Path archive(Path jar) {
        String vm = System.getProperty("java.vm.version", "unknown").replaceAll("[^A-Za-z0-9.+-]", "_");
        String home = Integer.toHexString(System.getProperty("java.home", "").hashCode());
        String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        return jar.resolveSibling(base + "-" + vm + "-" + home + ".jsa");
    }

    /** The options that make the child JVM use the archive, or none when there is no archive for this JVM. */
    static List<String> useOptions(Path jar) {
        if (jar == null) {
            return List.of();
        }
        Path a = archive(jar);
        return Files.isRegularFile(a) ? List.of("-XX:SharedArchiveFile=" + a, "-Xshare:auto") : List.of();
    }

    /**
     * Writes the archive for {@code jar}: a child JVM with the options of {@code runOptions} (the relaunch's module
     * and class path, without the main class) dumps the listed classes into a temporary file, which then replaces
     * the archive in one move. Returns the exit code for the command line.
     */
    static int write(Path jar, List<String> runOptions) throws IOException, InterruptedException {
        if (jar == null) {
            System.err.println("error: the class archive is written for a single jar (java -jar latent-lab.jar)");
            return 2;
        }
        Path target = archive(jar);
        Path list = Files.createTempFile("latent-lab-classes", ".lst");
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Path log = Files.createTempFile("latent-lab-dump", ".log");
        try {
            try (InputStream in = ClassArchive.class.getResourceAsStream(CLASS_LIST)) {
                if (in == null) {
                    System.err.println("error: the jar has no class list (" + CLASS_LIST + ")");
                    return 1;
                }
                Files.copy(in, list, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(runOptions.get(0));
            cmd.add("-Xshare:dump");
            cmd.add("-XX:SharedClassListFile=" + list);
            cmd.add("-XX:SharedArchiveFile=" + tmp);
            cmd.addAll(runOptions.subList(1, runOptions.size()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("LATENTLAB_NO_RELAUNCH", "1");
            int code = pb.start().waitFor();
            if (code != 0 || !Files.isRegularFile(tmp)) {
                // The dump's own output says why (a missing class is only a warning; this is something else).
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(System.err::println);
                System.err.println("error: writing the class archive failed (exit " + code + ")");
                return 1;
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.printf(Locale.ROOT, "wrote %s (%.1f MB)%n", target, Files.size(target) / 1e6);
            return 0;
        } finally {
            Files.deleteIfExists(list);
            Files.deleteIfExists(log);
            Files.deleteIfExists(tmp);
        }
    }
}
