package latentlab.ui.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.DatasetPair;
import latentlab.embed.Probe;
import latentlab.nn.Codec;
import latentlab.pca.PcaModel;
import latentlab.testing.SharedMnist;
import latentlab.train.Snapshot;
import latentlab.ui.shell.AppContext;
import latentlab.ui.shell.MainView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Codes as features in a window on the bundled MNIST with the pre-trained autoencoder: the numbers on screen are
 * the core {@link Probe}'s, Cancel leaves nothing behind, and a run before PCA is fitted waits for the fit.
 */
@Tag("gui")
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class ProbeViewTest {
    private AppContext model;
    private ProbeViewModel probe;
    private ProbeView view;
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            model.frames().runOnce(); // what the main window does every frame
        }
    };

    @Start
    void start(Stage stage) {
        model = new AppContext();
        probe = model.probe();
        view = new ProbeView(probe, model.appearance());
        StackPane root = new StackPane(view);
        root.setPadding(new Insets(12));
        Scene scene = new Scene(root, 380, 700);
        MainView.applyStyles(scene);
        stage.setScene(scene);
        stage.show();
        frames.start();
        model.datasets().setReader(SharedMnist::read);
        model.datasets().openBundled();
    }

    @AfterEach
    void stop() throws Exception {
        fx(() -> {
            frames.stop();
            probe.shutdown();
            model.shutdown();
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private void waitForModel() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> model.training().getSnapshot() != null));
    }

    private void fitPca() throws Exception {
        fx(() -> {
            model.comparison().fit().ensureFitted();
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> model.comparison().fit().getModel() != null));
    }

    private static String percent(double a) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * a);
    }

    private String status() throws Exception {
        return fx(() -> probe.statusProperty().get());
    }

    @Test
    void aRunShowsWhatTheCoreProbeGivesForTheSameModelAndSeed(FxRobot robot) throws Exception {
        waitForModel();
        fitPca();
        fx(() -> {
            probe.labelledProperty().set(100);
            return null;
        });
        robot.clickOn("#probe-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> probe.rows().size() == 1
                && !probe.runningProperty().get()));
        ProbeViewModel.Row row = fx(() -> probe.rows().get(0));

        Snapshot s = fx(() -> model.training().getSnapshot());
        PcaModel pca = fx(() -> model.comparison().fit().getModel());
        DatasetPair pair = fx(() -> model.getDataset());
        Codec ae = s.model();
        Probe.Result direct;
        try (ComputePool pool = new ComputePool(ComputePool.defaultThreads())) {
            direct = new Probe(ae, pca.codec(ae.latentSize()), pair.train(), pair.test(), pool)
                    .run(100, 1, Progress.NONE);
        }
        assertEquals(s.step(), row.step(), "the model that was probed is the one still shown");
        assertEquals(100, row.labelled());
        assertEquals(2, row.codeSize());
        assertEquals(direct.codesAccuracy(), row.codesAccuracy(), 1e-12, "codes");
        assertEquals(direct.pixelsAccuracy(), row.pixelsAccuracy(), 1e-12, "pixels");
        assertEquals(direct.pcaAccuracy(), row.pcaAccuracy(), 1e-12, "PCA");
        for (double a : new double[] {row.codesAccuracy(), row.pixelsAccuracy(), row.pcaAccuracy()}) {
            assertTrue(a > 0.1 && a < 1, "better than guessing, not perfect: " + a);
        }
        assertTrue(row.seconds() > 0);
        assertTrue(fx(() -> probe.isCurrent(row)));

        // On screen: one table row, and the three bars of the latest run with the same numbers.
        List<String> cells = fx(() -> view.table().getChildren().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList());
        assertEquals(10, cells.size(), "a header and one row of five cells: " + cells);
        assertEquals(List.of("100", percent(row.codesAccuracy()), percent(row.pixelsAccuracy()),
                percent(row.pcaAccuracy())), cells.subList(5, 9));
        assertEquals("codes\n(k = 2)", cells.get(1));
        List<AccuracyBars.Bar> bars = fx(() -> view.bars().bars());
        assertEquals(List.of(row.codesAccuracy(), row.pixelsAccuracy(), row.pcaAccuracy()),
                bars.stream().map(AccuracyBars.Bar::accuracy).toList());
        assertTrue(status().contains(String.format(Locale.ROOT, "codes %.1f%%", 100 * row.codesAccuracy())),
                status());

        // One training step later the row belongs to an earlier model.
        fx(() -> {
            model.training().stepBatch();
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !probe.isCurrent(row)));
    }

    @Test
    void cancelStopsARunAndLeavesNoRow(FxRobot robot) throws Exception {
        waitForModel();
        fitPca();
        fx(() -> {
            probe.labelledProperty().set(ProbeViewModel.ALL);
            return null;
        });
        robot.clickOn("#probe-run");
        // Well into the classifier on 60,000 images' pixels, the longest stage.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> probe.progressProperty().get() > 0.4));
        robot.clickOn("#probe-cancel");
        assertFalse(fx(() -> probe.runningProperty().get()));
        assertTrue(status().toLowerCase(Locale.ROOT).contains("cancelled"), status());

        // Cancelled while the test images are being encoded, too; then a run still works.
        fx(() -> {
            probe.labelledProperty().set(10);
            probe.run();
            probe.cancel();
            return null;
        });
        // The cancelled runs' work ends on the job threads (a run that ignored its cancellation would add a row).
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Thread.getAllStackTraces().entrySet().stream()
                .noneMatch(e -> e.getKey().getName().startsWith("latentlab-job") && Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().startsWith(ProbeViewModel.class.getName()))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, (int) fx(() -> probe.rows().size()), "no row from cancelled runs");
        assertNull(fx(() -> probe.latestProperty().get()));
        assertTrue(status().toLowerCase(Locale.ROOT).contains("cancelled"), status());
        robot.clickOn("#probe-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> probe.rows().size() == 1));
        assertEquals(10, (int) fx(() -> probe.rows().get(0).labelled()));
    }

    @Test
    void aRunBeforePcaIsFittedWaitsForTheFit(FxRobot robot) throws Exception {
        waitForModel();
        assertNull(fx(() -> model.comparison().fit().getModel()), "nothing has asked for PCA yet");
        robot.clickOn("#probe-run");
        assertTrue(fx(() -> probe.runningProperty().get()));
        assertTrue(status().contains("PCA"), "says what it waits for: " + status());
        assertTrue(fx(() -> model.comparison().fit().fittingProperty().get()), "the fit started");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> fx(() -> probe.rows().size() == 1));
        ProbeViewModel.Row row = fx(() -> probe.rows().get(0));
        assertEquals(100, row.labelled());
        assertTrue(row.pcaAccuracy() > 0.1 && row.pcaAccuracy() < 1, "PCA codes were used: " + row.pcaAccuracy());
    }
}
