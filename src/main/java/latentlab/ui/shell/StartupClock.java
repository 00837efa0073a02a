package latentlab.ui.shell;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Milestones of one start of the program, in seconds since it was launched: when {@code java -jar} relaunches itself
 * with the Vector API, since the first JVM started (it passes its start time as {@code latentlab.launchMillis}).
 * The start-up report prints them, so that a slow start can be traced to a step.
 */
public final class StartupClock {
    private static final List<String> MARKS = new ArrayList<>();

    private StartupClock() {
    }

    /** When the program was launched, in milliseconds since the epoch. */
    public static long launchMillis() {
        long fromParent = Long.getLong("latentlab.launchMillis", -1);
        return fromParent > 0 ? fromParent : ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** Seconds from the launch until now. */
    public static double sinceLaunch() {
        return (System.currentTimeMillis() - launchMillis()) / 1000.0;
    }

    /** Records that {@code milestone} was reached now. */
    public static synchronized void mark(String milestone) {
        MARKS.add(String.format("%s %.2f", milestone, sinceLaunch()));
    }

    /** The milestones so far, oldest first, e.g. "this JVM 0.31, window shown 1.20". */
    public static synchronized String summary() {
        List<String> all = new ArrayList<>();
        if (Long.getLong("latentlab.launchMillis", -1) > 0) {
            all.add(String.format("this JVM %.2f",
                    (ManagementFactory.getRuntimeMXBean().getStartTime() - launchMillis()) / 1000.0));
        }
        all.addAll(MARKS);
        return String.join(", ", all);
    }
}
