package latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The JVM options java -jar's launcher passes on are those of its command line before -jar. */
class LaunchOptionsTest {
    @Test
    void theOptionsBeforeJarArePassedOnInOrder() {
        assertEquals(Optional.of(List.of("-Xmx2g", "-Dlatentlab.x=a b", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                        "-XX:+UseSerialGC")),
                LaunchOptions.beforeJar(List.of("-Xmx2g", "-Dlatentlab.x=a b", "--add-opens",
                        "java.base/java.lang=ALL-UNNAMED", "-XX:+UseSerialGC", "-jar", "latent-lab.jar", "pca",
                        "-Xmx1g")));
        assertEquals(Optional.of(List.of()), LaunchOptions.beforeJar(List.of("-jar", "x.jar")));
    }

    @Test
    void aClassPathAndADebuggerAreNotPassedOn() {
        assertEquals(Optional.of(List.of("-Xss2m")), LaunchOptions.beforeJar(List.of("-cp", "a.jar:b.jar",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "--class-path=c.jar", "-Xss2m",
                "-jar", "x.jar")));
    }

    @Test
    void otherLaunchesAreLeftToTheJvm() {
        assertEquals(Optional.empty(), LaunchOptions.beforeJar(List.of("-Xmx1g", "latentlab.app.Launcher", "pca")),
                "a main class");
        assertEquals(Optional.empty(), LaunchOptions.beforeJar(List.of("@options.txt", "-jar", "x.jar")),
                "an argument file");
        assertEquals(Optional.empty(), LaunchOptions.beforeJar(List.of("-m", "latentlab/latentlab.app.Launcher")));
        assertEquals(Optional.empty(), LaunchOptions.beforeJar(List.of("--add-opens")), "a value missing");
        assertEquals(Optional.empty(), LaunchOptions.beforeJar(List.of()));
    }

    @Test
    void optionsFromTheEnvironmentReplaceDefaultsToo() {
        List<String> all = LaunchOptions.withEnvironment(Map.of("JDK_JAVA_OPTIONS", " -Xmx400m  -Dx=\"a b\" ",
                "JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC", "PATH", "/bin"), List.of("-Xss2m"));
        assertEquals(List.of("-XX:+UseSerialGC", "-Xmx400m", "-Dx=\"a", "b\"", "-Xss2m"), all);
        List<String> defaults = JvmOptions.unlessGiven(all);
        assertFalse(defaults.contains("-Xmx512m"), defaults.toString());
        assertFalse(defaults.contains("-XX:+UseG1GC"), defaults.toString());
        assertEquals(List.of("-Xss2m"), LaunchOptions.withEnvironment(Map.of(), List.of("-Xss2m")));
    }

    @Test
    void thisJvmsOptionsComeFromItsCommandLineOrItsBean() {
        List<String> own = LaunchOptions.ofThisJvm();
        assertTrue(own.stream().anyMatch(o -> o.startsWith("-Xmx")), "the test JVM runs with -Xmx: " + own);
        assertFalse(own.stream().anyMatch(o -> o.startsWith("-agentlib:jdwp")));
    }
}
