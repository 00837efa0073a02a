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
        String expected = String.join(" ", JvmOptions.DEFAULTS.stream().map(o -> "--java-options " + o).toList());
        assertEquals(expected, m.group(1).trim());
        assertTrue(pom.contains("${jpackage.jvm.options}"), "jpackage's command line uses them");
    }

    @Test
    void withoutOptionsOfTheUsersAllDefaultsApply() {
        assertEquals(JvmOptions.DEFAULTS, JvmOptions.unlessGiven(List.of("-Dsome.property=1")));
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
        List<String> options = JvmOptions.unlessGiven(List.of("-XX:+UseSerialGC"));
        assertEquals(List.of("-Xmx512m", "-XX:MinHeapFreeRatio=5", "-XX:MaxHeapFreeRatio=20"),
                options.subList(0, 3));
        assertEquals(JvmOptions.JIT, options.subList(3, options.size()));
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
