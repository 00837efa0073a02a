package latentlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code inspect}: reads a data set strictly and prints what it holds, how long reading took and the heap used. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Read a data set folder (strictly) and print its summary, load time and heap used.")
public final class InspectCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Runtime rt = Runtime.getRuntime();
        long t0 = System.nanoTime();
        DatasetPair pair = data.open();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long used = rt.totalMemory() - rt.freeMemory();
        out.printf("data set: %s%n", data.folder().toAbsolutePath().normalize());
        for (Dataset d : new Dataset[] {pair.train(), pair.test()}) {
            out.printf("%-6s %,d images of %d x %d, %d classes, per class %s%n",
                    d == pair.train() ? "train:" : "test:", d.size(), d.rows(), d.cols(), d.classCount(),
                    java.util.Arrays.toString(d.labelCounts()));
        }
        out.printf("load_seconds: %.3f%n", seconds);
        out.printf("heap_used_mb: %.1f (max %.0f)%n", used / 1048576.0, rt.maxMemory() / 1048576.0);
        return 0;
    }
}
