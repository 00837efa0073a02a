package latentlab.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options Latent Lab runs with: in the JVM that {@code java -jar} relaunches ({@link Launcher}) and, the
 * same list, in the app image's launcher (the POM's jpackage {@code --java-options}). Chosen by measurement
 * (docs/benchmarks.md, "Cold start and footprint").
 *
 * <p>The heap and the collector ({@link #MEMORY}). Without them the JVM sizes the heap to a
 * quarter of the RAM, G1 grows it during start-up and the first seconds of training and never gives it back, and
 * the idle window held 0.8-1.4 GB resident for a live heap of about 110 MB.
 * <ul>
 *   <li>{@code -XX:+UseG1GC}: the collector the settings below are for (the JVM would pick the serial collector on
 *       a machine with one core or little memory). The serial collector kept the footprint as low but stopped the
 *       window for 0.2-0.5 s at each full collection while training.</li>
 *   <li>{@code -Xmx512m}: the window's live heap for MNIST is about 110 MB idle and 190 MB at most while training;
 *       512 MB leaves room for a data set a few times larger. What needs more is refused before it is allocated,
 *       with a message saying how much it needs and that a larger {@code -Xmx} raises the limit
 *       ({@link latentlab.compute.HeapBudget}); given on the command line ({@code java -Xmx2g -jar ...}), the
 *       user's own value wins.</li>
 *   <li>{@code -XX:G1HeapRegionSize=2m}: with the 1 MB regions G1 picks for this heap, a snapshot's 800 KB weight
 *       matrix of net a is a humongous object, allocated in old regions and freed only by marking.</li>
 *   <li>{@code -XX:G1PeriodicGCInterval=10000}, {@code -XX:-G1PeriodicGCInvokesConcurrent},
 *       {@code -XX:MinHeapFreeRatio=5}, {@code -XX:MaxHeapFreeRatio=20}: after 10 s without a collection (an idle
 *       window) a full collection compacts the heap and shrinks it to the live data plus 20%, giving start-up's
 *       garbage back to the system. A concurrent cycle instead (G1's default for this) left the heap a third
 *       larger: it shrinks only what marking found free, without compacting. While the window trains, young
 *       collections come often enough that the periodic one does not run.</li>
 * </ul>
 *
 * <p>Native memory ({@link #TRIM}). The C library keeps what the JVM frees of its own native memory (the compilers'
 * work areas above all, which the start-up's compilations fill) for later use instead of giving it back: at idle
 * after the start, {@code jcmd PID System.trim_native_heap} returned 18 MB of the window's resident set.
 * {@code -XX:TrimNativeHeapInterval=10000} has the JVM do that every 10 s. It is a product option from JDK 17.0.11,
 * 21.0.3 and 23 on ({@link #trims}); other JVMs do not get it, as they would refuse to start (or, where it is
 * experimental, ask for it to be unlocked). The app image has it when it was built with such a JDK (the POM's
 * {@code trim-native-heap} profiles).
 *
 * <p>The compiler ({@link #JIT}). A command runs once: its numeric kernels (the Vector-API classes of
 * {@code latentlab.math}) execute as boxed vector objects until C2 compiles them, which is most of a cold run's
 * time. {@code CompileThresholdScaling} 0.05 for those classes alone has them compiled after a twentieth of the
 * usual invocations and loop iterations, without compiling everything else earlier too; {@code quiet} keeps the
 * JVM from printing the command to standard output.
 */
final class JvmOptions {
    /** The heap and the collector. */
    static final List<String> MEMORY = List.of("-XX:+UseG1GC", "-Xmx512m", "-XX:G1HeapRegionSize=2m",
            "-XX:G1PeriodicGCInterval=10000", "-XX:-G1PeriodicGCInvokesConcurrent", "-XX:MinHeapFreeRatio=5",
            "-XX:MaxHeapFreeRatio=20");
    /** The numeric kernels compiled early. */
    static final List<String> JIT = List.of("-XX:CompileCommand=quiet",
            "-XX:CompileCommand=CompileThresholdScaling,latentlab.math.*::*,0.05");
    /** Freed native memory given back every 10 s, for JVMs that have the option ({@link #trims}). */
    static final String TRIM = "-XX:TrimNativeHeapInterval=10000";
    /** The POM's Maven JDK ranges in which the app image gets {@link #TRIM}, one per profile. */
    static final List<String> TRIM_JDKS = List.of("[17.0.11,18)", "[21.0.3,22)", "[23,)");
    /** All of them, in the order they are passed, for a JVM that has {@link #TRIM}. */
    static final List<String> DEFAULTS = concat(concat(MEMORY, List.of(TRIM)), JIT);

    private JvmOptions() {
    }

    /**
     * The defaults less those the user's own JVM options decide otherwise: a heap limit of their own replaces
     * {@code -Xmx}, a collector of their own replaces G1 and its settings, and an option they set is not repeated.
     */
    static List<String> unlessGiven(List<String> userOptions) {
        return unlessGiven(userOptions, Runtime.version());
    }

    /** As {@link #unlessGiven(List)}, for a JVM of version {@code jvm}. */
    static List<String> unlessGiven(List<String> userOptions, Runtime.Version jvm) {
        boolean ownLimit = false;
        boolean ownCollector = false;
        List<String> ownNames = new ArrayList<>();
        for (String o : userOptions) {
            ownLimit |= o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize=") || o.startsWith("-XX:MaxRAM");
            ownCollector |= o.startsWith("-XX:+Use") && o.endsWith("GC");
            ownNames.add(name(o));
        }
        List<String> options = new ArrayList<>();
        for (String d : DEFAULTS) {
            boolean g1 = d.equals("-XX:+UseG1GC") || d.startsWith("-XX:G1") || d.startsWith("-XX:-G1")
                    || d.startsWith("-XX:+G1");
            if ((ownLimit && d.startsWith("-Xmx")) || (ownCollector && g1) || ownNames.contains(name(d))
                    || (d.equals(TRIM) && !trims(jvm))) {
                continue;
            }
            options.add(d);
        }
        return options;
    }

    /** Whether {@code -XX:TrimNativeHeapInterval} is a product option of a JVM of this version (see {@link #TRIM}). */
    static boolean trims(Runtime.Version jvm) {
        int f = jvm.feature();
        int u = jvm.update();
        return (f == 17 && u >= 11) || (f == 21 && u >= 3) || f >= 23;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** An option's name without its value: -Xmx, -XX:G1HeapRegionSize, -XX:UseG1GC. */
    private static String name(String option) {
        if (option.startsWith("-Xmx") || option.startsWith("-Xms") || option.startsWith("-Xss")) {
            return option.substring(0, 4);
        }
        if (option.startsWith("-XX:+") || option.startsWith("-XX:-")) {
            return "-XX:" + option.substring(5);
        }
        int eq = option.indexOf('=');
        return eq < 0 || option.startsWith("-XX:CompileCommand=") ? option : option.substring(0, eq);
    }
}
