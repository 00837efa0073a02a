package latentlab.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The process's start from Linux's /proc files: parsed as Linux writes them, refused when they are not. */
class ProcessStartTest {
    @TempDir
    Path dir;

    /** A stat line whose program name holds spaces and parentheses, started 1234.56 s after boot. */
    private static final String STAT = "4242 (my (odd) java) S 1 4242 4242 0 -1 4194560 1890 0 0 0 12 3 0 0 20 0 "
            + "25 0 123456 9000000000 12000 18446744073709551615 1 1 0 0 0 0 0 4096 17612 0 0 0 17 1 0 0 0 0 0\n";

    @Test
    void theStartIsHowLongAgoSinceBootItBegan() throws IOException {
        long now = 1_800_000_000_000L;
        OptionalLong start = ProcessStart.fromProc(file("stat", STAT), file("uptime", "1300.06 2500.11\n"), now);
        assertEquals(OptionalLong.of(now - 65_500), start, "1300.06 s since boot - 1234.56 s = 65.5 s ago");
    }

    @Test
    void theStartTimeIsField22CountedAfterTheName() {
        assertEquals(OptionalLong.of(123456), ProcessStart.startTicks(STAT));
        assertEquals(OptionalLong.empty(), ProcessStart.startTicks("4242 (java) S 1 2 3"), "too few fields");
        assertEquals(OptionalLong.empty(), ProcessStart.startTicks("no name at all"));
        assertEquals(OptionalLong.empty(), ProcessStart.startTicks(STAT.replace(" 123456 ", " -5 ")));
        assertEquals(OptionalLong.empty(), ProcessStart.startTicks(STAT.replace(" 123456 ", " 12x ")));
    }

    @Test
    void uptimeIsReadToTheHundredth() {
        assertEquals(OptionalLong.of(130006), ProcessStart.centiseconds("1300.06 2500.11\n"));
        assertEquals(OptionalLong.empty(), ProcessStart.centiseconds("1300.6 2500.11"), "one decimal");
        assertEquals(OptionalLong.empty(), ProcessStart.centiseconds("1300 2500"));
        assertEquals(OptionalLong.empty(), ProcessStart.centiseconds(".06 1"));
        assertEquals(OptionalLong.empty(), ProcessStart.centiseconds("-1.00 1"));
        assertEquals(OptionalLong.empty(), ProcessStart.centiseconds(""));
    }

    @Test
    void missingOrForeignFilesGiveNothing() throws IOException {
        long now = 1_800_000_000_000L;
        String uptime = file("uptime", "1300.06 2500.11\n");
        assertEquals(OptionalLong.empty(), ProcessStart.fromProc(dir.resolve("none").toString(), uptime, now));
        assertEquals(OptionalLong.empty(), ProcessStart.fromProc(file("stat", STAT), file("up2", "soon"), now));
        assertEquals(OptionalLong.empty(), ProcessStart.fromProc(file("stat", STAT), file("up3", "1000.00 1.00"), now),
                "started after the uptime read: not this machine's files");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxTheProcessStartedShortlyBeforeItsJvm() {
        long jvm = ManagementFactory.getRuntimeMXBean().getStartTime();
        long process = ProcessStart.millis();
        assertTrue(process <= jvm + 10 && process >= jvm - 5_000,
                "process " + process + " ms, JVM " + jvm + " ms: the process starts first, to /proc's 10 ms");
    }

    private String file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content).toString();
    }
}
