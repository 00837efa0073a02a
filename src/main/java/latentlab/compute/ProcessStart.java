package latentlab.compute;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * When this process was started, in milliseconds since the epoch: the moment its program was executed, which is
 * what a user calls the launch, a few milliseconds before the JVM inside it begins.
 *
 * <p>On Linux it is read from {@code /proc}: the process's start in clock ticks since boot (field 22 of
 * {@code /proc/self/stat}, in units of {@code USER_HZ}, 100 on the architectures Linux desktops run on) and the time since
 * boot ({@code /proc/uptime}) give how long ago it started, to 10 ms. That costs two small reads, where the JVM's
 * own start time (the runtime management bean) loads the management classes first, tens of milliseconds on a cold
 * JVM. {@code ProcessHandle.Info.startInstant()} is not used: it adds the boot time, which Linux gives in whole
 * seconds. Elsewhere, or when {@code /proc} cannot be read, the JVM's start time is used.
 */
public final class ProcessStart {
    /** Clock ticks per second of {@code /proc}'s times ({@code USER_HZ}). */
    static final int USER_HZ = 100;

    private ProcessStart() {
    }

    /** This process's start, from {@code /proc} where there is one, otherwise the JVM's start. */
    public static long millis() {
        OptionalLong fromProc = fromProc("/proc/self/stat", "/proc/uptime", System.currentTimeMillis());
        return fromProc.isPresent() ? fromProc.getAsLong() : ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * The start of the process whose {@code stat} file is given, by {@code uptime} read at {@code nowMillis}; empty
     * when either file is missing or not in the format Linux writes.
     */
    static OptionalLong fromProc(String stat, String uptime, long nowMillis) {
        // Plain streams and hand parsing: this runs first thing in java -jar's launcher, where every class loaded
        // for it (NIO files, regular expressions, decimal parsing) would delay the window.
        try {
            OptionalLong ticks = startTicks(read(stat));
            OptionalLong sinceBoot = centiseconds(read(uptime));
            if (ticks.isEmpty() || sinceBoot.isEmpty()) {
                return OptionalLong.empty();
            }
            long agoMillis = sinceBoot.getAsLong() * 10 - ticks.getAsLong() * 1000 / USER_HZ;
            return agoMillis < 0 ? OptionalLong.empty() : OptionalLong.of(nowMillis - agoMillis);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static String read(String file) throws IOException {
        try (InputStream in = new FileInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.US_ASCII);
        }
    }

    /** The first number of {@code /proc/uptime} ("12345.67 2345.89"), in hundredths of a second. */
    static OptionalLong centiseconds(String uptime) {
        String s = uptime.trim();
        int end = s.indexOf(' ');
        String first = end < 0 ? s : s.substring(0, end);
        int dot = first.indexOf('.');
        if (dot < 1 || first.length() != dot + 3) {
            return OptionalLong.empty();
        }
        try {
            long whole = Long.parseLong(first.substring(0, dot));
            long frac = Long.parseLong(first.substring(dot + 1));
            return whole >= 0 && frac >= 0 ? OptionalLong.of(whole * 100 + frac) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Field 22 (starttime) of a {@code stat} line, fields separated by single spaces. The second field, the program's name in parentheses, may itself
     * hold spaces and parentheses, so the fields are counted from the last closing parenthesis (field 3 comes next).
     */
    static OptionalLong startTicks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            return OptionalLong.empty();
        }
        int field = 2;
        int i = close + 1;
        int n = statLine.length();
        while (i < n) {
            while (i < n && statLine.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && statLine.charAt(i) != ' ' && statLine.charAt(i) != '\n') {
                i++;
            }
            if (start == i) {
                break;
            }
            field++;
            if (field == 22) {
                try {
                    long t = Long.parseLong(statLine, start, i, 10);
                    return t >= 0 ? OptionalLong.of(t) : OptionalLong.empty();
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
