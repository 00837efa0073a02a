package latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The software renderer is asked for on Linux exactly when no device leads to a GPU and the user chose nothing. */
class RenderingPipelineTest {
    @TempDir
    Path dev;

    @Test
    void withoutAGpuDeviceLinuxGetsTheSoftwareRenderer() throws IOException {
        Files.createFile(dev.resolve("null"));
        Files.createDirectory(dev.resolve("dri"));
        assertFalse(RenderingPipeline.hasGpuDevice(dev), "an empty /dev/dri leads nowhere");
        assertEquals(Optional.of("sw"), RenderingPipeline.choose("Linux", dev, new Properties()));
    }

    @Test
    void anyGpuDeviceLeavesTheChoiceToJavaFx() throws IOException {
        for (String device : new String[] {"dri/renderD128", "dri/card0", "nvidia0", "nvidiactl", "dxg"}) {
            Path d = Files.createTempDirectory(dev, "dev");
            Files.createDirectories(d.resolve(device).getParent());
            Files.createFile(d.resolve(device));
            assertTrue(RenderingPipeline.hasGpuDevice(d), device);
            assertEquals(Optional.empty(), RenderingPipeline.choose("Linux", d, new Properties()), device);
        }
        assertTrue(RenderingPipeline.hasGpuDevice(dev.resolve("missing")), "no /dev to look in: assume a GPU");
    }

    @Test
    void theUsersOwnChoiceAndOtherSystemsAreLeftAlone() {
        Properties own = new Properties();
        own.setProperty(RenderingPipeline.ORDER, "es2");
        assertEquals(Optional.empty(), RenderingPipeline.choose("Linux", dev, own));
        Properties force = new Properties();
        force.setProperty(RenderingPipeline.FORCE_GPU, "true");
        assertEquals(Optional.empty(), RenderingPipeline.choose("Linux", dev, force));
        assertEquals(Optional.empty(), RenderingPipeline.choose("Windows 11", dev, new Properties()));
        assertEquals(Optional.empty(), RenderingPipeline.choose("Mac OS X", dev, new Properties()));
    }
}
