package latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class JvmOptionsTest {
    @Test
    void theAppImageGetsTheSameOptionsAsTheRelaunchedJvm() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<jpackage.jvm.options>(.*)</jpackage.jvm.options>").matcher(pom);
        assertTrue(m.find(), "the package profile's jpackage.jvm.options");
        String expected = String.join(" ", JvmOptions.DEFAULTS.stream()
                .map(o -> o.equals(JvmOptions.TRIM) ? "${jpackage.trim.option}" : "--java-options " + o).toList());
        assertEquals(expected, m.group(1).trim());
        assertTrue(pom.contains("${jpackage.jvm.options}"), "jpackage's command line uses them");
    }

    @Test
    void theAppImageTrimsTheNativeHeapWhereItsJdkCan() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<id>trim-native-heap-\\d+</id>\\s*<activation>\\s*<jdk>([^<]*)</jdk>\\s*"
                + "</activation>\\s*<properties>\\s*<jpackage.trim.option>([^<]*)</jpackage.trim.option>").matcher(pom);
        List<String> ranges = new java.util.ArrayList<>();
        while (m.find()) {
            ranges.add(m.group(1));
            assertEquals("--java-options " + JvmOptions.TRIM, m.group(2));
        }
        assertEquals(JvmOptions.TRIM_JDKS, ranges);
        assertTrue(pom.contains("<jpackage.trim.option></jpackage.trim.option>"), "none for other JDKs");
    }

    @Test
    void onlyJvmsWhereTrimmingIsAProductOptionGetIt() {
        for (String v : List.of("17.0.11", "17.0.15+6", "21.0.3", "21.0.9", "23", "25.0.3", "26")) {
            assertTrue(JvmOptions.trims(Runtime.Version.parse(v)), v);
            assertTrue(JvmOptions.unlessGiven(List.of(), Runtime.Version.parse(v)).contains(JvmOptions.TRIM), v);
        }
        for (String v : List.of("17", "17.0.8", "17.0.10", "18.0.2", "20", "21", "21.0.2", "22.0.2")) {
            assertFalse(JvmOptions.trims(Runtime.Version.parse(v)), v);
            assertFalse(JvmOptions.unlessGiven(List.of(), Runtime.Version.parse(v)).contains(JvmOptions.TRIM), v);
        }
        // The ranges the POM activates the option in start where trims() does.
        for (String range : JvmOptions.TRIM_JDKS) {
            Runtime.Version low = Runtime.Version.parse(range.substring(1, range.indexOf(',')));
            assertTrue(range.startsWith("[") && JvmOptions.trims(low), range);
        }
    }

    @Test
    void withoutOptionsOfTheUsersAllDefaultsApply() {
        assertEquals(JvmOptions.DEFAULTS,
                JvmOptions.unlessGiven(List.of("-Dsome.property=1"), Runtime.Version.parse("17.0.15")));
    }

    @Test
    void theUsersHeapLimitReplacesOurs() {
        for (String own : List.of("-Xmx2g", "-XX:MaxHeapSize=2147483648", "-XX:MaxRAMPercentage=50")) {
            List<String> options = JvmOptions.unlessGiven(List.of(own));
            assertFalse(options.stream().anyMatch(o -> o.startsWith("-Xmx")), own + ": " + options);
            assertTrue(options.contains("-XX:+UseG1GC"), own + ": " + options);
        }
    }

    @Test
    void theUsersCollectorReplacesG1AndItsSettings() {
        List<String> options = JvmOptions.unlessGiven(List.of("-XX:+UseSerialGC"), Runtime.Version.parse("17.0.15"));
        assertEquals(List.of("-Xmx512m", "-XX:MinHeapFreeRatio=5", "-XX:MaxHeapFreeRatio=20", JvmOptions.TRIM),
                options.subList(0, 4));
        assertEquals(JvmOptions.JIT, options.subList(4, options.size()));
    }

    @Test
    void anOptionTheUserSetIsNotRepeated() {
        List<String> options = JvmOptions.unlessGiven(List.of("-XX:MaxHeapFreeRatio=70", "-XX:-UseG1GC"));
        assertFalse(options.contains("-XX:MaxHeapFreeRatio=20"), options.toString());
        assertFalse(options.contains("-XX:+UseG1GC"), options.toString());
    }

    @Test
    void theRelaunchedJvmGetsThemBeforeTheUsersOwn() {
        List<String> cmd = Launcher.childCommand(new String[] {"pca"});
        int g1 = cmd.indexOf("-XX:G1PeriodicGCInterval=10000");
        assertTrue(g1 > 0 && g1 < cmd.indexOf("-cp"), cmd.toString());
    }
}
