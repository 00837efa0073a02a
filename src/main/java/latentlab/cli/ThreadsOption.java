package latentlab.cli;

import latentlab.compute.ComputePool;
import picocli.CommandLine.Option;

/** The {@code --threads N} option (default: all cores). */
public final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N", description = "Compute threads (default: all ${sys:latentlab.cores} cores).")
    Integer threads;

    static {
        System.setProperty("latentlab.cores", Integer.toString(ComputePool.defaultThreads()));
    }

    public int threads() {
        int t = threads == null ? ComputePool.defaultThreads() : threads;
        if (t < 1 || t > 256) {
            throw new UserError("--threads must be between 1 and 256, got " + t);
        }
        return t;
    }
}
