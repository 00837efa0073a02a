package latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code -V} prints the POM's version, also when run from classes (the build filters it into a resource). */
class VersionProviderTest {
    @Test
    void theVersionIsThePoms() {
        String v = VersionProvider.version();
        assertTrue(v != null && v.matches("\\d+\\.\\d+\\.\\d+.*"), "from the build: " + v);
        assertTrue(new VersionProvider().getVersion()[0].equals("Latent Lab " + v));
    }
}
