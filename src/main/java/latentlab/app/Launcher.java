package latentlab.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import latentlab.cli.Cli;
import picocli.CommandLine;

/**
 * The entry point of {@code java -jar latent-lab.jar}: no arguments, {@code gui [FILE.lesson] [--data ...]} or a
 * lesson file alone opens the window, anything else runs the command line. A plain class, not an {@code Application}, so that JavaFX can sit on the class path.
 *
 * <p>The numeric kernels need the incubating Vector API module, which a jar manifest cannot add. When the JVM was
 * started without it (plain {@code java -jar}), the launcher starts the same program once more in a child JVM with
 * {@code --add-modules jdk.incubator.vector} and the same JVM options, passes its input and output through, and
 * exits with its exit code. Set {@code LATENTLAB_NO_RELAUNCH=1} to run in this JVM with the slower scalar kernels.
 */
public final class Launcher {
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules";

    private Launcher() {
    }

    public static void main(String[] args) {
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
     * The command line of the child JVM: same java, same options and class path, plus the Vector API and JavaFX on
     * the module path ({@link JavaFxModules}).
     */
    static List<String> childCommand(String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules=" + VECTOR_MODULE);
        if (Runtime.version().feature() >= 24) {
            // JavaFX 21 uses restricted native methods and sun.misc.Unsafe, which JDK 24+ warns about.
            cmd.add("--enable-native-access=ALL-UNNAMED");
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        // The window reports how long after this launch it was ready, counting this JVM too.
        cmd.add("-Dlatentlab.launchMillis=" + ManagementFactory.getRuntimeMXBean().getStartTime());
        for (String opt : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!opt.startsWith("-agentlib:jdwp")) {
                cmd.add(opt);
            }
        }
        cmd.addAll(JavaFxModules.options(System.getProperty("java.class.path"), Runtime.version().feature()));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static int relaunch(String[] args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(childCommand(args));
        pb.environment().put("LATENTLAB_NO_RELAUNCH", "1");
        pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        Process child = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy, "latentlab-child-stopper"));
        Thread errPump = new Thread(() -> pump(child.getErrorStream(), System.err), "latentlab-stderr");
        errPump.setDaemon(true);
        errPump.start();
        int code = child.waitFor();
        errPump.join(1000);
        return code;
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
