package latentlab.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JVM options this JVM was started with, for the JVM that {@code java -jar} relaunches ({@link Launcher}), less
 * those that must not be passed on (a debugger's {@code -agentlib:jdwp}, whose port the launcher already holds; a
 * class path, which {@code -jar} ignores and the child gets anew).
 *
 * <p>They are read from the process's command line ({@link ProcessHandle.Info#arguments()}): what comes before
 * {@code -jar}. The runtime management bean knows them too, but its first use loads the management classes, tens of
 * milliseconds at the start of {@code java -jar}, before the real JVM can begin. Options the JVM takes from the
 * environment ({@code JDK_JAVA_OPTIONS}, {@code JAVA_TOOL_OPTIONS}) are not on the command line; the child inherits
 * the environment, so it gets them all the same, and {@link #withEnvironment} adds them where the launcher decides
 * which of its defaults the user's own options replace. When the command line is unknown or not of the form
 * {@code java [options] -jar FILE ...} (a class name, a module, an argument file), the management bean is asked.
 */
final class LaunchOptions {
    /** Options of the {@code java} launcher whose value is the next argument. */
    private static final Set<String> WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--upgrade-module-path", "--add-modules", "--limit-modules", "--add-exports", "--add-opens",
            "--add-reads", "--patch-module", "--enable-native-access", "--source");
    private static final Set<String> CLASS_PATH = Set.of("-cp", "-classpath", "--class-path");

    private LaunchOptions() {
    }

    /** This JVM's options, from its command line where that is {@code java [options] -jar ...}. */
    static List<String> ofThisJvm() {
        Optional<List<String>> fromCommandLine = ProcessHandle.current().info().arguments()
                .flatMap(a -> beforeJar(List.of(a)));
        if (fromCommandLine.isPresent()) {
            return fromCommandLine.get();
        }
        List<String> out = new ArrayList<>();
        for (String opt : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (passedOn(opt)) {
                out.add(opt);
            }
        }
        return out;
    }

    /**
     * The options the JVM takes from the environment ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}), then
     * {@code own}: all the options a JVM started with this environment has, for deciding which defaults to leave out
     * ({@link JvmOptions#unlessGiven}). Split at white space, which is enough to see each option's name.
     */
    static List<String> withEnvironment(Map<String, String> env, List<String> own) {
        List<String> all = new ArrayList<>();
        for (String var : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"}) {
            String value = env.get(var);
            if (value != null) {
                for (String token : value.trim().split("\\s+")) {
                    if (!token.isEmpty()) {
                        all.add(token);
                    }
                }
            }
        }
        all.addAll(own);
        return all;
    }

    /**
     * The options before {@code -jar} in the arguments of a {@code java} command (without the program's name), or
     * empty when the arguments do not run a jar or hold an argument file, whose content only the JVM knows.
     */
    static Optional<List<String>> beforeJar(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-jar")) {
                return Optional.of(out);
            }
            if (!a.startsWith("-") || a.startsWith("@") || a.equals("--")) {
                return Optional.empty();
            }
            if (WITH_VALUE.contains(a)) {
                if (i + 1 >= args.size()) {
                    return Optional.empty();
                }
                if (!CLASS_PATH.contains(a)) {
                    out.add(a);
                    out.add(args.get(i + 1));
                }
                i++;
            } else if (passedOn(a) && !a.startsWith("--class-path=")) {
                out.add(a);
            }
        }
        return Optional.empty();
    }

    private static boolean passedOn(String option) {
        return !option.startsWith("-agentlib:jdwp");
    }
}
