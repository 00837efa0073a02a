package latentlab.ui.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import latentlab.data.Dataset;
import latentlab.eval.Encoding;
import latentlab.math.Rng;
import latentlab.train.Moment;
import latentlab.train.Snapshot;
import latentlab.train.Timeline;
import latentlab.ui.shell.AppContext;
import latentlab.ui.training.TimelineViewModel;

/**
 * The scrub figure (issue 18): in the real window on the bundled MNIST with the window's network (net a,
 * 784-256-64-2), trains {@code epochs} epochs so the timeline keeps a history, then picks {@code scrubs} kept moments
 * at random, one after the other as a click on the timeline does, and times, for each, from the request on the FX
 * thread to (1) the moment's codes handed to the FX thread (the timeline's shown snapshot) and (2) the map's latent
 * space holding them (the next frame's update). Beside them, the parts off the FX thread: decoding the moment's
 * weights and encoding the display images on the compute pool. Prints median, min and max (ms).
 */
final class ScrubBenchmark {
    private final PrintWriter out;
    private final int scrubs;
    private final int epochs;

    ScrubBenchmark(PrintWriter out, int scrubs, int epochs) {
        this.out = out;
        this.scrubs = scrubs;
        this.epochs = epochs;
    }

    int run() throws Exception {
        BenchWindow.Opened window = BenchWindow.open(AppContext::new, 1600, 1000, "Latent Lab — scrub benchmark");
        AppContext vm = window.context();
        when(vm.autoencoderSpace().codesProperty(), c -> c != null).get(120, TimeUnit.SECONDS);
        BenchWindow.onFx(() -> {
            vm.training().reset();
            return null;
        });
        when(vm.training().snapshotProperty(), s -> s != null && s.step() == 0).get(60, TimeUnit.SECONDS);
        CompletableFuture<Snapshot> trained = when(vm.training().snapshotProperty(),
                s -> s != null && s.epoch() >= epochs);
        BenchWindow.onFx(() -> {
            vm.training().play();
            return null;
        });
        trained.get(600, TimeUnit.SECONDS);
        Snapshot end = BenchWindow.onFx(() -> {
            vm.training().pause();
            return vm.training().getSnapshot();
        });
        TimelineViewModel tl = vm.timeline();
        Timeline history = BenchWindow.onFx(() -> tl.timelineProperty().get());
        Dataset display = BenchWindow.onFx(() -> vm.autoencoderSpace().getDisplay());
        out.printf("# scrub benchmark: %s, %,d display images, %d epochs (%,d steps), %d kept moments (%d compact), "
                        + "%d threads, Java %s%n", end.model().architecture(), display.size(), end.epoch(), end.step(),
                history.moments().size(), history.moments().stream().filter(m -> !m.exact()).count(),
                vm.pool().threads(), System.getProperty("java.version"));
        out.printf("%-64s %9s %9s %9s %8s%n", "measure", "median_ms", "min_ms", "max_ms", "scrubs");
        measure(vm, end, display, "", new Rng(7));
        BenchWindow.onFx(() -> {
            vm.training().play();
            return null;
        });
        measure(vm, end, display, "while training: ", new Rng(8));
        BenchWindow.onFx(() -> {
            vm.training().pause();
            return null;
        });
        BenchWindow.onFx(() -> {
            vm.shutdown();
            return null;
        });
        return 0;
    }

    /** {@code scrubs} scrubs to kept moments picked at random (after three to warm up), reported under {@code label}. */
    private void measure(AppContext vm, Snapshot end, Dataset display, String label, Rng rng) throws Exception {
        TimelineViewModel tl = vm.timeline();
        double[] handed = new double[scrubs];
        double[] mapped = new double[scrubs];
        double[] decode = new double[scrubs];
        double[] encode = new double[scrubs];
        int last = -1;
        for (int i = 0; i < scrubs + 3; i++) {
            // The history as it is now: while training it gains moments and thins old ones between scrubs.
            Timeline history = BenchWindow.onFx(() -> tl.timelineProperty().get());
            int n = history.moments().size();
            int pick;
            do {
                pick = rng.nextInt(n);
            } while (pick == last);
            last = pick;
            Moment m = history.moments().get(pick);
            CompletableFuture<Long> shown = when(tl.shownProperty(), s -> s != null && s.step() == m.step())
                    .thenApply(s -> System.nanoTime());
            CompletableFuture<Long> inMap = new CompletableFuture<>();
            long t0 = BenchWindow.onFx(() -> {
                // By index in the timeline now: the moment of that step, unless training thinned it meanwhile.
                int index = tl.timelineProperty().get().moments().indexOf(m);
                if (index < 0) {
                    return -1L;
                }
                vm.autoencoderSpace().codesProperty().addListener(new ChangeListener<>() {
                    @Override
                    public void changed(ObservableValue<? extends float[]> o, float[] was, float[] now) {
                        Snapshot s = tl.shownProperty().get();
                        if (s != null && s.step() == m.step() && now == s.displayCodes()) {
                            o.removeListener(this);
                            inMap.complete(System.nanoTime());
                        }
                    }
                });
                long t = System.nanoTime();
                tl.show(index);
                return t;
            });
            if (t0 < 0) {
                shown.cancel(false);
                i--;
                continue;
            }
            long t1 = shown.get(60, TimeUnit.SECONDS);
            long t2 = inMap.get(60, TimeUnit.SECONDS);
            // The same work off the FX thread, on its own: the weights decoded, the display images encoded.
            long d0 = System.nanoTime();
            var net = m.network(end.model().architecture());
            long d1 = System.nanoTime();
            Encoding.encode(net, display, vm.pool());
            long d2 = System.nanoTime();
            if (i >= 3) { // the first three warm up
                handed[i - 3] = (t1 - t0) / 1e6;
                mapped[i - 3] = (t2 - t0) / 1e6;
                decode[i - 3] = (d1 - d0) / 1e6;
                encode[i - 3] = (d2 - d1) / 1e6;
            }
        }
        report(label + "moment chosen -> its codes on the FX thread", handed);
        report(label + "moment chosen -> the map's codes replaced", mapped);
        report(label + "  of which: weights decoded", decode);
        report(label + "  of which: display images encoded", encode);
    }

    /** Completes (with the value) when {@code p} holds a value passing {@code test}, now or later. */
    private static <T> CompletableFuture<T> when(ObservableValue<T> p, java.util.function.Predicate<T> test)
            throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        BenchWindow.onFx(() -> {
            if (test.test(p.getValue())) {
                f.complete(p.getValue());
                return null;
            }
            p.addListener(new ChangeListener<T>() {
                @Override
                public void changed(ObservableValue<? extends T> o, T was, T now) {
                    if (test.test(now)) {
                        o.removeListener(this);
                        f.complete(now);
                    }
                }
            });
            return null;
        });
        return f;
    }

    private void report(String name, double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        out.printf("%-64s %9.1f %9.1f %9.1f %8d%n", name, s[s.length / 2], s[0], s[s.length - 1], s.length);
        out.flush();
    }
}
