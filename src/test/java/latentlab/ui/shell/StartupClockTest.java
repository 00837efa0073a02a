package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Milestones are seconds since this JVM started (no launcher here), whether or not its start was looked up first. */
class StartupClockTest {
    @Test
    void aMilestoneIsTheTimeSinceTheJvmStarted() {
        long before = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        StartupClock.mark("test milestone");
        StartupClock.prepare();
        long after = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        Matcher m = Pattern.compile("test milestone (\\d+\\.\\d\\d)").matcher(StartupClock.summary());
        assertTrue(m.find(), StartupClock.summary());
        double seconds = Double.parseDouble(m.group(1));
        assertTrue(seconds >= before / 1000.0 - 0.01 && seconds <= after / 1000.0 + 0.01,
                seconds + " s, between " + before + " and " + after + " ms");
        double now = StartupClock.sinceLaunch();
        assertTrue(now + 0.005 >= seconds, now + " s now, after the milestone (printed to 0.01 s)");
    }
}
