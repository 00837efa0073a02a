package latentlab.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import latentlab.cli.UserError;
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
                + "-Dprism.order=sw -jar target/latent-lab.jar bench-ui")
public final class BenchUiCommand implements Callable<Integer> {
    @Option(names = "--training-seconds", defaultValue = "10",
            description = "How long to record frames while training (default: ${DEFAULT-VALUE}).")
    double trainingSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(trainingSeconds > 0 && trainingSeconds <= 600)) {
            throw new UserError("--training-seconds must be between 0 and 600, got " + trainingSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            return new UiBenchmark(out, trainingSeconds).run();
        } catch (UnsupportedOperationException e) {
            throw new UserError("bench-ui needs a display: " + e.getMessage()
                    + " (on a server run it under xvfb-run -a)");
        }
    }
}
