package latentlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * The version of the POM, as the build wrote it into {@code /latentlab/version.properties} (so also when run from
 * classes), else the jar manifest's Implementation-Version, else "development build".
 */
public final class VersionProvider implements IVersionProvider {
    private static final String RESOURCE = "/latentlab/version.properties";

    @Override
    public String[] getVersion() {
        String v = version();
        return new String[] {"Latent Lab " + (v == null ? "(development build)" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    /** The version, or null when neither the build nor the manifest gives one. */
    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.contains("${")) {
                    return v.trim();
                }
            }
        } catch (IOException e) {
            // Fall back to the manifest.
        }
        return VersionProvider.class.getPackage().getImplementationVersion();
    }
}
