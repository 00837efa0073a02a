package latentlab.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import latentlab.cli.Cli;
import latentlab.compute.ProcessStart;
import picocli.CommandLine;

/**
 * The entry point of {@code java -jar latent-lab.jar}: no arguments, {@code gui [FILE.lesson] [--data ...]} or a
 * lesson file alone opens the window, anything else runs the command line. A plain class, not an {@code Application}, so that JavaFX can sit on the class path.
 *
 * <p>The numeric kernels need the incubating Vector API module, which a jar manifest cannot add. When the JVM was
 * started without it (plain {@code java -jar}), the launcher starts the same program once more in a child JVM with
 * {@code --add-modules jdk.incubator.vector} and the same JVM options, passes its input and output through, and
 * exits with its exit code. Set {@code LATENTLAB_NO_RELAUNCH=1} to run in this JVM with the slower scalar kernels.
 *
 * <p>The child dies with the launcher, however the launcher ends, so that a killed command never goes on in the
 * background to overwrite its output file later: a signal that lets the launcher shut down (Ctrl+C, {@code kill})
 * is passed on by a shutdown hook; for one that does not ({@code kill -9}, a crash), the child looks every
 * {@value #WATCH_MILLIS} ms whether the launcher is still alive and still its parent, and halts when not (halts: no
 * shutdown hook, no save runs after that). It looks rather than waiting for the end of a pipe from the launcher: a
 * thread blocked in a read keeps every exit of the JVM waiting 0.3 s for it.
 */
public final class Launcher {
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** Set in the child: the launcher's process id, which the child watches (see the class comment). */
    static final String WATCH_LAUNCHER = "latentlab.watchLauncher";
    /** How often the child looks whether its launcher is still there. */
    static final long WATCH_MILLIS = 200;
    /** The child's exit code when its launcher is gone (as if killed by SIGTERM). */
    static final int LAUNCHER_GONE = 143;
    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules";

    private Launcher() {
    }

    public static void main(String[] args) {
        if (System.getProperty(WATCH_LAUNCHER) != null) {
            haltWhenLauncherEnds(Long.getLong(WATCH_LAUNCHER, -1));
        }
        if (Boolean.getBoolean(ClassArchive.WRITE)) {
            try {
                System.exit(ClassArchive.write(ClassArchive.jar(absoluteClassPath(
                        System.getProperty("java.class.path"))), archiveCommand()));
            } catch (IOException e) {
                System.err.println("error: could not write the class archive: " + e.getMessage());
                System.exit(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.exit(130);
            }
        }
        if (shouldRelaunch()) {
            try {
                System.exit(relaunch(args));
            } catch (IOException | RuntimeException e) {
                System.err.println("note: could not start a JVM with the Vector API (" + e.getMessage()
                        + "); using the slower scalar kernels");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.exit(130);
            }
        }
        if (args.length == 0) {
            LatentLabApp.launchApp();
            return;
        }
        CommandLine cl = Cli.commandLine();
        cl.addSubcommand(new GuiCommand());
        cl.addSubcommand(new BenchUiCommand());
        int code = Cli.execute(cl, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                GuiCommand.withGui(args));
        System.exit(code);
    }

    private static boolean shouldRelaunch() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()
                && System.getenv("LATENTLAB_NO_RELAUNCH") == null
                && !Boolean.getBoolean("latentlab.scalar");
    }

    /**
     * The command line of the child JVM: same java, same options and class path (made absolute, which the class
     * archive needs), plus the Vector API and JavaFX on the module path ({@link JavaFxModules}) and the class
     * archive when there is one for this JVM ({@link ClassArchive}).
     */
    static List<String> childCommand(String[] args) {
        String classPath = absoluteClassPath(System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(baseOptions());
        // The window reports how long after this launch it was ready, counting this process too.
        cmd.add("-Dlatentlab.launchMillis=" + ProcessStart.millis());
        cmd.add("-D" + WATCH_LAUNCHER + "=" + ProcessHandle.current().pid());
        // The heap and compiler settings (JvmOptions); the user's own JVM options come after them and win.
        // (Options from the environment reach the child through it, but they too replace defaults.)
        List<String> own = LaunchOptions.ofThisJvm();
        cmd.addAll(JvmOptions.unlessGiven(LaunchOptions.withEnvironment(System.getenv(), own)));
        cmd.addAll(ClassArchive.useOptions(ClassArchive.jar(classPath)));
        cmd.addAll(own);
        cmd.addAll(classPathOptions(classPath));
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * The options the class archive is written with: those of {@link #childCommand} that decide which classes are
     * found where (modules, class path) and the collector, without the main class.
     */
    static List<String> archiveCommand() {
        List<String> cmd = new ArrayList<>(baseOptions());
        cmd.addAll(JvmOptions.MEMORY);
        cmd.addAll(classPathOptions(absoluteClassPath(System.getProperty("java.class.path"))));
        return cmd;
    }

    /** This JVM's java and the Vector API module. */
    private static List<String> baseOptions() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules=" + VECTOR_MODULE);
        if (Runtime.version().feature() >= 24) {
            // JavaFX 21 uses restricted native methods and sun.misc.Unsafe, which JDK 24+ warns about.
            cmd.add("--enable-native-access=ALL-UNNAMED");
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        return cmd;
    }

    /** JavaFX on the module path, and the class path. */
    private static List<String> classPathOptions(String classPath) {
        List<String> cmd = new ArrayList<>(JavaFxModules.options(classPath, Runtime.version().feature()));
        cmd.add("-cp");
        cmd.add(classPath);
        return cmd;
    }

    /** Each entry of a class path as an absolute path. */
    static String absoluteClassPath(String classPath) {
        List<String> parts = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            parts.add(entry.isEmpty() ? entry : Path.of(entry).toAbsolutePath().normalize().toString());
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    private static int relaunch(String[] args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(childCommand(args));
        pb.environment().put("LATENTLAB_NO_RELAUNCH", "1");
        pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        Process child = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "latentlab-child-stopper"));
        Thread errPump = new Thread(() -> pump(child.getErrorStream(), System.err), "latentlab-stderr");
        errPump.setDaemon(true);
        errPump.start();
        int code = child.waitFor();
        errPump.join(1000);
        return code;
    }

    /** Passes a shutdown on to the child: asks it to stop, and makes it if it has not within two seconds. */
    private static void stop(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(2, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * In the child: halts this JVM once its parent is no longer {@code launcherPid}, since the launcher is gone and
     * nobody would see or want what this JVM does next.
     */
    private static void haltWhenLauncherEnds(long launcherPid) {
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "latentlab-launcher-watch");
            t.setDaemon(true);
            return t;
        });
        // The handle knows the launcher's start time, so a later process with the same id is not taken for it; the
        // parent is checked too, for systems that hand an orphan to another parent before the handle notices.
        java.util.Optional<ProcessHandle> launcher = ProcessHandle.of(launcherPid);
        watch.scheduleWithFixedDelay(() -> {
            long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
            if (parent != launcherPid || launcher.map(h -> !h.isAlive()).orElse(true)) {
                Runtime.getRuntime().halt(LAUNCHER_GONE);
            }
        }, 0, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Copies the child's error output, without the JVM's one-line notice about the incubating module. */
    private static void pump(InputStream in, PrintStream out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith(INCUBATOR_WARNING)) {
                    out.println(line);
                }
            }
        } catch (IOException e) {
            // The child ended; nothing more to copy.
        }
    }
}
