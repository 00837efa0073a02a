package latentlab.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import latentlab.cli.UserError;
import latentlab.ui.bench.Soak;
import latentlab.ui.bench.UiBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench-ui}: rendering and latency of the explorer window (needs a display, e.g. Xvfb). */
@Command(name = "bench-ui", mixinStandardHelpOptions = true,
        header = "Redraw times, slider latency and frame times of the window (needs a display).",
        description = "Scatter redraw (10,000 and 70,000 points, dots and thumbnails), slider-to-pixels latency, "
                + "and frame times while training at full speed. On a server: xvfb-run -a java "
                + "-Dprism.order=sw -jar target/latent-lab.jar bench-ui%n%n"
                + "With --soak MINUTES it runs a soak instead: training at full speed while the tabs are visited, "
                + "the sliders moved, a lesson saved and reopened and data sets swapped, logging the heap's live "
                + "set after a full GC, the resident memory and any exception or error banner as CSV; exit 0 if "
                + "there was none.%n%n"
                + "With --scrub N it times N scrubs of the timeline instead: from choosing a kept moment to its "
                + "map's codes being ready (median, min, max).")
public final class BenchUiCommand implements Callable<Integer> {
    @Option(names = "--training-seconds", defaultValue = "10",
            description = "How long to record frames while training (default: ${DEFAULT-VALUE}).")
    double trainingSeconds;

    @Option(names = "--soak", paramLabel = "MINUTES",
            description = "Run the soak for this many minutes instead of the benchmark (e.g. 30).")
    Double soakMinutes;

    @Option(names = "--soak-interval", paramLabel = "SECONDS", defaultValue = "20",
            description = "Seconds between the soak's actions and measurements (default: ${DEFAULT-VALUE}).")
    double soakInterval;

    @Option(names = "--soak-dir", paramLabel = "DIR", defaultValue = "${java.io.tmpdir}/latent-lab-soak",
            description = "Folder for the soak's lesson and CSV data set (default: ${DEFAULT-VALUE}).")
    Path soakDir;

    @Option(names = "--scrub", paramLabel = "N",
            description = "Time N scrubs of the timeline instead of the benchmark: from choosing a kept moment to "
                    + "its map's codes being ready (net a, after --scrub-epochs of training).")
    Integer scrubs;

    @Option(names = "--scrub-epochs", paramLabel = "E", defaultValue = "3",
            description = "Epochs trained before the scrubs, so the timeline keeps a history (default: "
                    + "${DEFAULT-VALUE}).")
    int scrubEpochs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(trainingSeconds > 0 && trainingSeconds <= 600)) {
            throw new UserError("--training-seconds must be between 0 and 600, got " + trainingSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (soakMinutes != null && !(soakMinutes > 0 && soakMinutes <= 24 * 60)) {
            throw new UserError("--soak must be between 0 and 1440 minutes, got " + soakMinutes);
        }
        if (!(soakInterval >= 1 && soakInterval <= 3600)) {
            throw new UserError("--soak-interval must be between 1 and 3600 seconds, got " + soakInterval);
        }
        try {
            if (scrubs != null) {
                if (scrubs < 1 || scrubs > 10_000 || scrubEpochs < 1 || scrubEpochs > 100) {
                    throw new UserError("--scrub must be between 1 and 10000 and --scrub-epochs between 1 and 100, got "
                            + scrubs + " and " + scrubEpochs);
                }
                return UiBenchmark.scrub(out, scrubs, scrubEpochs);
            }
            if (soakMinutes != null) {
                return new Soak(out, soakMinutes, soakInterval, soakDir).run();
            }
            return new UiBenchmark(out, trainingSeconds).run();
        } catch (UnsupportedOperationException e) {
            throw new UserError("bench-ui needs a display: " + e.getMessage()
                    + " (on a server run it under xvfb-run -a)");
        }
    }
}
