package latentlab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import latentlab.compute.ProcessStart;

/**
 * Milestones of one start of the program, in seconds since it was launched ({@link ProcessStart}: since its process
 * was started, before the JVM in it began): when {@code java -jar} relaunches itself with the Vector API, since the
 * first process started (it passes its start time as {@code latentlab.launchMillis}).
 * The start-up report prints them, so that a slow start can be traced to a step.
 *
 * <p>A milestone records the wall clock only. The process's start time is looked up by {@link #prepare()} on a
 * background thread (where {@code /proc} is missing it comes from the management beans, whose first use loads tens
 * of classes), so that neither the marks nor the ready time hold up the JavaFX thread with it.
 */
public final class StartupClock {
    private record Mark(String milestone, long millis) {
    }

    private static final List<Mark> MARKS = new ArrayList<>();
    /** This process's start, in milliseconds since the epoch, once looked up (0 before). */
    private static volatile long processStart;

    private StartupClock() {
    }

    /** Looks up this process's start time now (call it off the JavaFX thread, early). */
    public static void prepare() {
        processStart();
    }

    private static long processStart() {
        long t = processStart;
        if (t == 0) {
            t = ProcessStart.millis();
            processStart = t;
        }
        return t;
    }

    /** When the program was launched, in milliseconds since the epoch. */
    public static long launchMillis() {
        long fromParent = launcherStart();
        return fromParent > 0 ? fromParent : processStart();
    }

    /** The start of {@code java -jar}'s launcher when this JVM is the one it relaunched, otherwise 0 or less. */
    private static long launcherStart() {
        return Long.getLong("latentlab.launchMillis", -1);
    }

    /** Seconds from the launch until now. */
    public static double sinceLaunch() {
        return (System.currentTimeMillis() - launchMillis()) / 1000.0;
    }

    /** Records that {@code milestone} was reached now. */
    public static synchronized void mark(String milestone) {
        MARKS.add(new Mark(milestone, System.currentTimeMillis()));
    }

    /** The milestones so far, oldest first, e.g. "this process 0.12, window shown 1.20". */
    public static synchronized String summary() {
        List<String> all = new ArrayList<>();
        long launch = launchMillis();
        if (launcherStart() > 0) {
            all.add(String.format(Locale.ROOT, "this process %.2f", (processStart() - launch) / 1000.0));
        }
        for (Mark m : MARKS) {
            all.add(String.format(Locale.ROOT, "%s %.2f", m.milestone(), (m.millis() - launch) / 1000.0));
        }
        return String.join(", ", all);
    }
}
