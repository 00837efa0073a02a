package latentlab.ui.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import latentlab.eval.Encoding;
import latentlab.train.Snapshot;
import latentlab.ui.explorer.LatentScatterView;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.shell.AppContext;
import latentlab.ui.shell.MainView;

/**
 * Measures the explorer's rendering in the real window: scatter redraw times (10,000 and 70,000 points, dots and
 * thumbnails), slider-to-pixels latency, and frame times while training runs at full speed. Needs a display
 * (run under Xvfb on a server); uses JavaFX's software pipeline unless told otherwise.
 */
public final class UiBenchmark {
    private final PrintWriter out;
    private final double trainingSeconds;

    public UiBenchmark(PrintWriter out, double trainingSeconds) {
        this.out = out;
        this.trainingSeconds = trainingSeconds;
    }

    /** The scrub figure instead ({@link ScrubBenchmark}); returns 0 on success. */
    public static int scrub(PrintWriter out, int scrubs, int epochs) throws Exception {
        int code = new ScrubBenchmark(out, scrubs, epochs).run();
        Platform.exit();
        return code;
    }

    /** Runs all measurements; returns 0 on success. */
    public int run() throws Exception {
        BenchWindow.Opened window = BenchWindow.open(AppContext::new, 1600, 1000, "Latent Lab — UI benchmark");
        AppContext vm = window.context();
        MainView view = window.view();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (onFx(() -> vm.autoencoderSpace().getCodes() == null) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        if (onFx(() -> vm.autoencoderSpace().getCodes() == null)) {
            out.println("error: the bundled MNIST did not load");
            return 2;
        }
        out.printf("# UI benchmark: JavaFX %s, prism %s, Java %s, window 1600 x 1000%n",
                System.getProperty("javafx.runtime.version"), System.getProperty("prism.order", "default"),
                System.getProperty("java.version"));
        // A briefly trained model, so the map has structure.
        onFx(() -> {
            vm.training().stepEpoch();
            return null;
        });
        end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            Snapshot s = onFx(() -> vm.training().getSnapshot());
            if (s != null && s.epoch() >= 1 && s.codesStep() == s.step()) {
                break;
            }
            Thread.sleep(100);
        }
        Thread.sleep(500);
        out.println("measure                                   median_ms    p99_ms   samples");
        scatter(view, vm, "scatter redraw, 10,000 dots", false, 60);
        scatter(view, vm, "scatter redraw, 10,000 thumbnails", true, 60);
        scatter70k(vm, view);
        sliders(view, vm);
        frames(view, vm);
        onFx(() -> {
            vm.shutdown();
            return null;
        });
        Platform.exit();
        return 0;
    }

    private void scatter(MainView view, AppContext vm, String name, boolean thumbs, int reps) throws Exception {
        double[] t = onFx(() -> {
            LatentScatterView s = view.scatter();
            s.thumbnailsProperty().set(thumbs);
            s.fit();
            double[] times = new double[reps];
            for (int i = 0; i < 5; i++) {
                s.redrawNow();
            }
            for (int i = 0; i < reps; i++) {
                times[i] = s.redrawNow() / 1e6;
            }
            s.thumbnailsProperty().set(false);
            return times;
        });
        report(name, t);
    }

    private void scatter70k(AppContext vm, MainView view) throws Exception {
        // All 70,000 images: training and test set in one display set, codes from the current model.
        DatasetPair pair = onFx(vm::getDataset);
        Dataset all = concat(pair.train(), pair.test());
        Snapshot snap = onFx(() -> vm.training().getSnapshot());
        float[] codes;
        codes = Encoding.encode(snap.model(), all, vm.pool());
        for (boolean thumbs : new boolean[] {false, true}) {
            double[] t = onFx(() -> {
                LatentSpaceModel big = new LatentSpaceModel("all", new SelectionModel());
                big.setDisplay(all);
                big.update(snap.model(), codes);
                LatentScatterView s = new LatentScatterView(big, "a", vm.appearance(),
                        vm.jobs().lane("benchmark map"), vm.pool());
                s.resize(view.scatter().getWidth(), view.scatter().getHeight());
                s.thumbnailsProperty().set(thumbs);
                s.fit();
                double[] times = new double[40];
                for (int i = 0; i < 5; i++) {
                    s.redrawNow();
                }
                for (int i = 0; i < times.length; i++) {
                    times[i] = s.redrawNow() / 1e6;
                }
                s.dispose();
                return times;
            });
            report("scatter redraw, 70,000 " + (thumbs ? "thumbnails" : "dots"), t);
        }
    }

    private static Dataset concat(Dataset a, Dataset b) {
        int d = a.dimension();
        byte[] px = new byte[(a.size() + b.size()) * d];
        byte[] lab = new byte[a.size() + b.size()];
        for (int i = 0; i < a.size(); i++) {
            a.copyRaw(i, px, i * d);
            lab[i] = (byte) a.label(i);
        }
        for (int i = 0; i < b.size(); i++) {
            b.copyRaw(i, px, (a.size() + i) * d);
            lab[a.size() + i] = (byte) b.label(i);
        }
        return new Dataset("train+test", a.rows(), a.cols(), px, lab);
    }

    private void sliders(MainView view, AppContext vm) throws Exception {
        double[] t = onFx(() -> {
            var slider = view.sliders().slider(0);
            double lo = slider.getMin();
            double hi = slider.getMax();
            double[] times = new double[200];
            for (int i = 0; i < times.length + 20; i++) {
                long t0 = System.nanoTime();
                slider.setValue(lo + (hi - lo) * (i % 50) / 49.0);
                long dt = System.nanoTime() - t0;
                if (i >= 20) {
                    times[i - 20] = dt / 1e6;
                }
            }
            return times;
        });
        report("slider change to decoded pixels", t);
    }

    private void frames(MainView view, AppContext vm) throws Exception {
        List<Double> gaps = new ArrayList<>();
        List<Double> roundTrips = new ArrayList<>();
        AnimationTimer timer = new AnimationTimer() {
            long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    gaps.add((now - last) / 1e6);
                }
                last = now;
            }
        };
        onFx(() -> {
            view.scatter().fit();
            vm.training().play();
            timer.start();
            return null;
        });
        long end = System.nanoTime() + (long) (trainingSeconds * 1e9);
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            CompletableFuture<Void> f = new CompletableFuture<>();
            Platform.runLater(() -> f.complete(null));
            f.get(10, TimeUnit.SECONDS);
            roundTrips.add((System.nanoTime() - t0) / 1e6);
            Thread.sleep(25);
        }
        Snapshot s = onFx(() -> {
            timer.stop();
            vm.training().pause();
            return vm.training().getSnapshot();
        });
        double[] g;
        synchronized (gaps) {
            g = gaps.stream().mapToDouble(Double::doubleValue).toArray();
        }
        report("frame time while training", g);
        report("FX round trip while training", roundTrips.stream().mapToDouble(Double::doubleValue).toArray());
        out.printf("# training during the frame measurement: %,d steps, %,.0f images/s at the end%n", s.step(),
                s.samplesPerSecond());
    }

    private void report(String name, double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        double median = s[s.length / 2];
        double p99 = s[Math.min(s.length - 1, (int) Math.ceil(0.99 * s.length) - 1)];
        out.printf("%-40s %9.2f %9.2f %9d%n", name, median, p99, s.length);
        out.flush();
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        return BenchWindow.onFx(work);
    }
}
