package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Milestones are seconds since this process started (no launcher here), whether or not its start was looked up
 * first: no earlier than since the JVM in it began, and not a second more.
 */
class StartupClockTest {
    @Test
    void aMilestoneIsTheTimeSinceTheProcessStarted() {
        long before = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        StartupClock.mark("test milestone");
        StartupClock.prepare();
        long after = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        Matcher m = Pattern.compile("test milestone (\\d+\\.\\d\\d)").matcher(StartupClock.summary());
        assertTrue(m.find(), StartupClock.summary());
        double seconds = Double.parseDouble(m.group(1));
        assertTrue(seconds >= before / 1000.0 - 0.01 && seconds <= after / 1000.0 + 1.0,
                seconds + " s, from " + before + " ms since the JVM began to a second more than " + after + " ms");
        double now = StartupClock.sinceLaunch();
        assertTrue(now + 0.005 >= seconds, now + " s now, after the milestone (printed to 0.01 s)");
    }
}
