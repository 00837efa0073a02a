package latentlab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Which of JavaFX's renderers the window asks for on a Linux machine without a graphics device.
 *
 * <p>JavaFX on Linux first tries its OpenGL pipeline ({@code es2}), then the software one ({@code sw}). Without a GPU
 * (a virtual machine without 3D, a remote or virtual display), OpenGL there is Mesa's software rasteriser, which
 * JavaFX's hardware check refuses ("Failed Graphics Hardware Qualifier check") only after loading it: Mesa's driver
 * and the LLVM it compiles shaders with, some 50 MB resident, kept for the life of the window, and the time to load
 * and try them. (GTK loads the same libraries once per display, in the first GTK program that runs on it; on a
 * desktop session that was another program, long before.) A Linux process reaches a GPU only through a device file: {@code /dev/dri} (Mesa's drivers),
 * {@code /dev/nvidia*} (NVIDIA's) or {@code /dev/dxg} (Windows' WSL). When there is none, the window asks for
 * {@code sw} directly. A {@code prism.order} or {@code prism.forceGPU} of the user's own is left alone, as is every
 * other system.
 */
final class RenderingPipeline {
    /** JavaFX's property naming the renderers to try, in order. */
    static final String ORDER = "prism.order";
    /** JavaFX's property to use OpenGL even where its hardware check says no. */
    static final String FORCE_GPU = "prism.forceGPU";

    private RenderingPipeline() {
    }

    /** Sets {@code prism.order} for this machine before JavaFX starts, where {@link #choose} says so. */
    static void chooseBeforeStart() {
        choose(System.getProperty("os.name", ""), Path.of("/dev"), System.getProperties())
                .ifPresent(order -> System.setProperty(ORDER, order));
    }

    /** The renderer order to ask for, or empty to leave it to JavaFX. */
    static Optional<String> choose(String osName, Path dev, Properties props) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux") || props.getProperty(ORDER) != null
                || props.getProperty(FORCE_GPU) != null || hasGpuDevice(dev)) {
            return Optional.empty();
        }
        return Optional.of("sw");
    }

    /** Whether {@code dev} holds a device through which a process can reach a GPU (or cannot be read: assume so). */
    static boolean hasGpuDevice(Path dev) {
        if (!Files.isDirectory(dev)) {
            return true;
        }
        if (Files.exists(dev.resolve("dxg"))) {
            return true;
        }
        Path dri = dev.resolve("dri");
        try {
            if (Files.isDirectory(dri)) {
                try (Stream<Path> s = Files.list(dri)) {
                    if (s.findAny().isPresent()) {
                        return true;
                    }
                }
            }
            try (Stream<Path> s = Files.list(dev)) {
                return s.anyMatch(p -> p.getFileName().toString().startsWith("nvidia"));
            }
        } catch (IOException | SecurityException e) {
            return true;
        }
    }
}
