package latentlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import latentlab.compute.ComputePool;
import latentlab.data.BatchSampler;
import latentlab.data.DatasetPair;
import latentlab.math.KernelSelector;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.nn.loss.BinaryCrossEntropy;
import latentlab.nn.optim.Adam;
import latentlab.train.DataParallelStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: training throughput of the reference networks, measured like {@code shared/bench/torch_ae.py}:
 * wall time of whole epochs (shuffling, batch gathering, forward, backward, Adam), median over epochs 2..N.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Training throughput (samples/s) of the reference nets a, b and c.",
        description = "Nets: a 784-256-64-2, b 784-512-256-2, c 784-1000-500-250-30, mirrored, ReLU hidden, "
                + "linear code, sigmoid output, cross-entropy, Adam 1e-3, float32. Reports steady-state "
                + "samples/s: the median over epochs 2..N of whole-epoch throughput.")
public final class BenchCommand implements Callable<Integer> {
    static final Map<String, int[]> NETS = Map.of(
            "a", new int[] {784, 256, 64, 2},
            "b", new int[] {784, 512, 256, 2},
            "c", new int[] {784, 1000, 500, 250, 30});

    @Mixin
    DataOption data;

    @Option(names = "--nets", split = ",", defaultValue = "a,b,c", description = "Which nets (default: ${DEFAULT-VALUE}).")
    List<String> nets;

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs per net, the first is warm-up (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (epochs < 2) {
            throw new UserError("--epochs must be at least 2 (the first epoch is warm-up), got " + epochs);
        }
        if (batch < 1) {
            throw new UserError("--batch must be at least 1, got " + batch);
        }
        for (String n : nets) {
            if (!NETS.containsKey(n)) {
                throw new UserError("unknown net '" + n + "' (a, b, c)");
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        DatasetPair pair = data.open();
        int t = threads.threads();
        w.printf("# bench: batch %d, %d threads, %s, Java %s%n", batch, t, KernelSelector.description(),
                System.getProperty("java.version"));
        w.println("net  architecture            params     epoch_samples_per_s                 steady_samples_per_s");
        w.flush();
        try (ComputePool pool = new ComputePool(t)) {
            for (String name : nets) {
                int[] sizes = NETS.get(name);
                Architecture arch = Architecture.mirrored(sizes);
                Autoencoder net = Autoencoder.initialized(arch, seed);
                DataParallelStep step = new DataParallelStep(net, new BinaryCrossEntropy(),
                        new Adam(net.parameterCount(), 1e-3), pool, batch);
                BatchSampler sampler = new BatchSampler(pair.train(), batch, seed);
                float[] x = new float[batch * pair.train().dimension()];
                List<Double> rates = new ArrayList<>();
                for (int e = 0; e < epochs; e++) {
                    long t0 = System.nanoTime();
                    int seen = 0;
                    do {
                        int rows = sampler.next(x, null);
                        step.step(x, rows);
                        seen += rows;
                    } while (!sampler.atEpochEnd());
                    rates.add(seen / ((System.nanoTime() - t0) / 1e9));
                }
                double[] steady = rates.subList(1, rates.size()).stream().mapToDouble(Double::doubleValue).sorted()
                        .toArray();
                double median = steady.length % 2 == 1 ? steady[steady.length / 2]
                        : (steady[steady.length / 2 - 1] + steady[steady.length / 2]) / 2;
                StringBuilder per = new StringBuilder();
                for (double r : rates) {
                    per.append(String.format("%,8.0f", r));
                }
                w.printf("%-4s %-22s %,10d  %-34s %,10.0f%n", name, arch, net.parameterCount(), per.toString().trim(),
                        median);
                w.flush();
            }
        }
        return 0;
    }

    static int[] sizes(String net) {
        return Arrays.copyOf(NETS.get(net), NETS.get(net).length);
    }
}
