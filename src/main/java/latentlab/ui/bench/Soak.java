package latentlab.ui.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javafx.application.Platform;
import latentlab.data.Dataset;
import latentlab.train.Snapshot;
import latentlab.ui.shell.AppContext;
import latentlab.ui.shell.AppPreferences;
import latentlab.ui.shell.MainView;

/**
 * A long run of the real window under use: training at full speed while the tabs are visited in turn, the sliders
 * moved, a lesson saved and opened again, and another data set (a CSV file made from MNIST's first images) and the
 * bundled MNIST opened in turn. Every interval it forces a full collection and logs the heap's live set, the
 * process's resident memory, the training step, and the count of uncaught exceptions and error banners. The run
 * passes when no exception was thrown and no banner shown; the live set's trend is printed for the reader to judge
 * (a leak grows with each lesson or data set opened).
 */
public final class Soak {
    private static final int TABS = 3;

    private final PrintWriter out;
    private final double minutes;
    private final double intervalSeconds;
    private final Path work;
    private final AtomicInteger exceptions = new AtomicInteger();
    private final List<String> problems = new ArrayList<>();

    /**
     * @param minutes         how long to run
     * @param intervalSeconds how often to measure (also the pace of the actions)
     * @param work            a folder for the lesson and the CSV data set (created if needed)
     */
    public Soak(PrintWriter out, double minutes, double intervalSeconds, Path work) {
        this.out = out;
        this.minutes = minutes;
        this.intervalSeconds = intervalSeconds;
        this.work = work;
    }

    /** Runs the soak; 0 if nothing went wrong, 1 otherwise. */
    public int run() throws Exception {
        Files.createDirectories(work);
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            exceptions.incrementAndGet();
            synchronized (problems) {
                problems.add("exception on " + t.getName() + ": " + e);
            }
        });
        AppPreferences prefs = new AppPreferences(java.util.prefs.Preferences.userRoot().node("latentlab-soak"));
        prefs.clear();
        BenchWindow.Opened window = BenchWindow.open(() -> new AppContext(prefs), 1280, 720, "Latent Lab — soak");
        AppContext vm = window.context();
        MainView view = window.view();
        onFx(() -> {
            vm.notices().errorProperty().addListener((o, was, now) -> {
                if (now != null) {
                    synchronized (problems) {
                        problems.add("banner: " + now);
                    }
                }
            });
            return null;
        });
        try {
            await(() -> onFx(() -> vm.autoencoderSpace().getCodes() != null), 120, "the bundled MNIST to load");
            Path mnist = onFx(() -> vm.datasets().getFolder());
            Path csv = work.resolve("soak-mnist-2000.csv");
            writeCsv(onFx(vm::getDataset).train(), 2000, csv);
            Path lesson = work.resolve("soak.lesson");
            out.printf("# soak: %.1f min, a measurement every %.0f s, window 1280 x 720, Java %s, max heap %d MB%n",
                    minutes, intervalSeconds, System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20);
            out.println("elapsed_s,live_heap_mb,resident_mb,step,action,exceptions,banners");
            onFx(() -> {
                vm.training().speedProperty().set(1.0);
                vm.training().play();
                return null;
            });
            long start = System.nanoTime();
            long end = start + (long) (minutes * 60e9);
            int round = 0;
            List<Double> live = new ArrayList<>();
            while (System.nanoTime() < end) {
                String action = act(round++, vm, view, mnist, csv, lesson);
                Thread.sleep((long) (intervalSeconds * 1000));
                System.gc();
                double liveMb = liveHeapMb();
                live.add(liveMb);
                Snapshot s = onFx(() -> vm.training().getSnapshot());
                out.printf("%.0f,%.1f,%d,%d,%s,%d,%d%n", (System.nanoTime() - start) / 1e9, liveMb, residentMb(),
                        s == null ? -1 : s.step(), action, exceptions.get(), banners());
                out.flush();
            }
            summary(live);
        } finally {
            onFx(() -> {
                vm.shutdown();
                return null;
            });
            Platform.exit();
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        synchronized (problems) {
            problems.forEach(p -> out.println("problem: " + p));
            return problems.isEmpty() ? 0 : 1;
        }
    }

    /** One round's action: the tabs in turn, with a lesson saved and reopened and the data sets swapped now and then. */
    private String act(int round, AppContext vm, MainView view, Path mnist, Path csv, Path lesson) throws Exception {
        int tab = round % TABS;
        String action;
        if (round % 10 == 4) {
            onFx(() -> {
                vm.lessons().save(lesson, view.captureViewState());
                return null;
            });
            action = "save lesson";
        } else if (round % 10 == 6 && Files.exists(lesson)) {
            onFx(() -> {
                vm.lessons().open(lesson);
                return null;
            });
            action = "open lesson";
        } else if (round % 20 == 8) {
            onFx(() -> {
                vm.datasets().open(csv);
                return null;
            });
            action = "open csv";
        } else if (round % 20 == 18) {
            onFx(() -> {
                vm.datasets().open(mnist);
                return null;
            });
            action = "open mnist";
        } else {
            onFx(() -> {
                view.selectTab(tab);
                var position = vm.autoencoderSpace().position();
                for (int j = 0; j < position.size(); j++) {
                    position.set(j, (float) Math.sin(round + j));
                }
                vm.selection().select(round * 37 % 1000);
                return null;
            });
            action = "tab " + (tab + 1);
        }
        // Opening a data set or a lesson pauses nothing, but a new data set starts a new network: keep it training.
        onFx(() -> {
            if (!vm.training().runningProperty().get() && vm.training().readyProperty().get()) {
                vm.training().play();
            }
            return null;
        });
        return action;
    }

    private void summary(List<Double> live) {
        if (live.size() < 4) {
            return;
        }
        int q = live.size() / 4;
        double first = live.subList(0, q).stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double last = live.subList(live.size() - q, live.size()).stream().mapToDouble(Double::doubleValue).average()
                .orElse(0);
        double max = live.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        out.printf("# live heap after full GC: first quarter mean %.1f MB, last quarter mean %.1f MB, max %.1f MB; "
                + "exceptions %d, banners %d%n", first, last, max, exceptions.get(), banners());
    }

    /**
     * The heap's live set: what the heap's pools held right after the last collection (the full one just asked
     * for), so that objects allocated since by the training thread don't count.
     */
    static double liveHeapMb() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (after != null) {
                used += after.getUsed();
            }
        }
        return used / 1048576.0;
    }

    private int banners() {
        synchronized (problems) {
            return (int) problems.stream().filter(p -> p.startsWith("banner")).count();
        }
    }

    /** Resident set size of this process in MB from /proc (Linux), or -1 elsewhere. */
    static long residentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The first {@code n} images of {@code d} as a CSV data set (label, then 0..255 pixels). */
    static void writeCsv(Dataset d, int n, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < Math.min(n, d.size()); i++) {
                line.setLength(0);
                line.append(d.label(i));
                for (int j = 0; j < d.dimension(); j++) {
                    line.append(',').append(d.pixel(i, j));
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    private static void await(Condition done, int seconds, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.holds()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("gave up waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        return BenchWindow.onFx(work);
    }
}
