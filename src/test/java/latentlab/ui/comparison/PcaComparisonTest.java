package latentlab.ui.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.geometry.Point2D;
import javafx.stage.Stage;
import latentlab.cli.Cli;
import latentlab.ui.common.XyChart;
import latentlab.ui.explorer.ExplorerTestSupport;
import latentlab.ui.explorer.LatentScatterView;
import latentlab.ui.shell.AppContext;
import latentlab.ui.shell.DatasetSession;
import latentlab.ui.shell.MainView;
import latentlab.ui.shell.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The PCA comparison in the real window (pre-trained autoencoder on the bundled MNIST): PCA fitted in the
 * background, linked maps, the error chart, the numbers against the command line's, and the linear autoencoder.
 */
@Tag("gui")
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class PcaComparisonTest {
    @TempDir
    Path dir;
    private AppContext model;
    private MainView view;

    @Start
    void start(Stage stage) {
        model = new AppContext();
        view = TestWindow.show(stage, model, 1440, 900);
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.close(model);
    }

    private PcaComparisonView openComparison(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.autoencoderSpace().getCodes() != null);
        robot.interact(() -> view.selectTab(1));
        PcaFit c = model.comparison().fit();
        MapStatistics stats = model.comparison().statistics();
        assertTrue(c.fittingProperty().get() || c.getModel() != null, "opening the tab starts the fit");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> c.getModel() != null && !Double.isNaN(stats
                .pcaKnnProperty().get()) && !Double.isNaN(stats.aeKnnProperty().get())
                && !Double.isNaN(stats.aeErrorProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        return view.comparison();
    }

    private static double number(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertTrue(m.find(), "'" + pattern + "' in: " + text);
        return Double.parseDouble(m.group(1));
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void theNumbersOnScreenMatchTheCommandLine(FxRobot robot) throws Exception {
        PcaComparisonView v = openComparison(robot);
        String ae = v.autoencoderPane().getBadge();
        String pca = v.pcaPane().getBadge();

        Path pretrained = dir.resolve("pretrained.llm");
        try (InputStream in = getClass().getResourceAsStream(DatasetSession.PRETRAINED)) {
            Files.copy(in, pretrained);
        }
        String eval = cli("eval", "--model", pretrained.toString());
        assertEquals(number(eval, "test_se_per_image: ([0-9.]+)"), number(ae, "test error ([0-9.]+)"), 0.006, ae);
        assertEquals(number(eval, "knn5_accuracy: ([0-9.]+)"), number(ae, "5-NN accuracy of the 2-D codes ([0-9.]+)"),
                0.0006, ae);

        String fit = cli("pca", "--k", "2");
        assertEquals(number(fit, "k=2 test_se_per_image: ([0-9.]+)"), number(pca, "test error ([0-9.]+)"), 0.006,
                pca);
        assertEquals(100 * number(fit, "k=2 .*explained_variance: ([0-9.]+)"), number(pca, "\\(([0-9.]+)% of the"),
                0.06, pca);
        double pcaKnn = number(pca, "5-NN accuracy of the 2-D codes ([0-9.]+)");
        double aeKnn = number(ae, "5-NN accuracy of the 2-D codes ([0-9.]+)");
        assertTrue(pcaKnn > 0.35 && pcaKnn < 0.5, "PCA's 2-D map mixes the digits: " + pcaKnn);
        assertTrue(aeKnn > pcaKnn + 0.2, "the autoencoder separates them far better: " + aeKnn + " vs " + pcaKnn);
    }

    @Test
    void selectingInOneMapHighlightsTheSameImageInTheOther(FxRobot robot) throws Exception {
        PcaComparisonView v = openComparison(robot);
        LatentScatterView ae = v.autoencoderPane().scatter();
        LatentScatterView pca = v.pcaPane().scatter();
        robot.interact(() -> {
            ae.fit();
            pca.fit();
            ae.redrawNow();
            pca.redrawNow();
        });
        int target = ExplorerTestSupport.isolatedPoint(ae);
        assertTrue(target >= 0);
        int before = ringPixels(robot, pca, target);
        robot.clickOn(ae.localToScreen(ae.screenPointOf(target)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(target, model.selection().getSelected());
        int after = ringPixels(robot, pca, target);
        assertTrue(after > before + 20, "the selection ring appears around the same image in PCA's map: " + before
                + " -> " + after + " red pixels");
        // Isolating a digit in the autoencoder's legend greys out the other digits in PCA's map too.
        int colouredBefore = colouredPixels(robot, pca);
        robot.clickOn(robot.from(v.autoencoderPane()).lookup("#legend-3").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, model.selection().isolatedClassProperty().get(), "clicked the chip of digit 3");
        int colouredAfter = colouredPixels(robot, pca);
        assertTrue(colouredAfter < colouredBefore / 2, "coloured pixels in PCA's map: " + colouredBefore + " -> "
                + colouredAfter);
    }

    /** Pixels of the selection red (#d62728) within 12 px of image {@code i} in the exported map. */
    private static int ringPixels(FxRobot robot, LatentScatterView s, int i) throws Exception {
        int[] size = new int[2];
        int[][] img = new int[1][];
        Point2D[] p = new Point2D[1];
        robot.interact(() -> {
            img[0] = s.exportImage(1, size);
            p[0] = s.screenPointOf(i);
        });
        int count = 0;
        for (int y = (int) p[0].getY() - 12; y <= p[0].getY() + 12; y++) {
            for (int x = (int) p[0].getX() - 12; x <= p[0].getX() + 12; x++) {
                if (x < 0 || y < 0 || x >= size[0] || y >= size[1]) {
                    continue;
                }
                int c = img[0][y * size[0] + x];
                int r = (c >> 16) & 0xFF;
                int g = (c >> 8) & 0xFF;
                int b = c & 0xFF;
                if (Math.abs(r - 0xd6) < 30 && Math.abs(g - 0x27) < 30 && Math.abs(b - 0x28) < 30) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Pixels in clearly saturated colours (digit colours, not the grey of dimmed points or the paper). */
    private static int colouredPixels(FxRobot robot, LatentScatterView s) throws Exception {
        int[] size = new int[2];
        int[][] img = new int[1][];
        robot.interact(() -> img[0] = s.exportImage(1, size));
        int count = 0;
        for (int c : img[0]) {
            int r = (c >> 16) & 0xFF;
            int g = (c >> 8) & 0xFF;
            int b = c & 0xFF;
            if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                count++;
            }
        }
        return count;
    }

    @Test
    void theErrorChartShowsThePcaCurveAndTheAutoencoder(FxRobot robot) throws Exception {
        PcaComparisonView v = openComparison(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> v.errorChart().series().size() >= 3);
        List<XyChart.Series> s = v.errorChart().series();
        XyChart.Series pca = s.stream().filter(x -> x.name().startsWith("PCA")).findFirst().orElseThrow();
        XyChart.Series ae = s.stream().filter(x -> x.name().equals("this autoencoder")).findFirst().orElseThrow();
        XyChart.Series variance = s.stream().filter(XyChart.Series::rightAxis).findFirst().orElseThrow();
        assertEquals(50, pca.size(), "k = 1..50");
        for (int k = 1; k < 50; k++) {
            assertTrue(pca.y()[k] < pca.y()[k - 1], "PCA's error falls with every component");
            assertTrue(variance.y()[k] > variance.y()[k - 1], "and the explained variance grows");
        }
        assertEquals(model.comparison().fit().curveProperty().get().errorPerImage(2), pca.y()[1], 1e-9);
        assertEquals(1, ae.size());
        assertEquals(2, ae.x()[0]);
        assertTrue(ae.y()[0] < pca.y()[1] - 5, "the non-linear autoencoder beats PCA at k = 2");
        // A saved model joins the chart at its k.
        Path pretrained = dir.resolve("other.llm");
        try (InputStream in = getClass().getResourceAsStream(DatasetSession.PRETRAINED)) {
            Files.copy(in, pretrained);
        }
        robot.interact(() -> model.comparison().errorAgainstK().addModel(pretrained));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> v.errorChart().series().stream()
                .anyMatch(x -> x.name().equals("saved models")));
        XyChart.Series saved = v.errorChart().series().stream().filter(x -> x.name().equals("saved models"))
                .findFirst().orElseThrow();
        assertEquals("other.llm", saved.labels()[0]);
        assertEquals(ae.y()[0], saved.y()[0], 0.01, "the same network gives the same error");
    }

    @Test
    void aLinearAutoencoderTurnsTowardsPcaAsItTrains(FxRobot robot) throws Exception {
        PcaComparisonView v = openComparison(robot);
        Path before = dir.resolve("before.lesson");
        robot.interact(() -> model.lessons().save(before, view.captureViewState()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(before) && !model.status().isBusy());
        robot.interact(v::startLinear);
        assertTrue(model.training().getSnapshot() == null || model.training().getSnapshot().step() == 0
                || model.training().getSnapshot().model().architecture().isLinear());
        LinearAutoencoderViewModel c = model.comparison().linear();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
            var s = model.training().getSnapshot();
            return s != null && s.model().architecture().isLinear() && s.step() >= 2500 && c.angles().size() >= 3;
        });
        robot.interact(() -> model.training().pause());
        WaitForAsyncUtils.waitForFxEvents();
        var angles = List.copyOf(c.angles());
        double first = angles.get(0).largestDegrees();
        double last = angles.get(angles.size() - 1).largestDegrees();
        assertTrue(first > 30, "a random decoder is far from PCA's subspace: " + first + "°");
        assertTrue(last < 12 && last < first / 4, "after training it is close: " + first + "° -> " + last + "°");
        assertFalse(v.angleChart().series().isEmpty(), "the angle chart shows them");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            var s = model.training().getSnapshot();
            var history = model.testErrors().history();
            return !history.isEmpty() && history.get(history.size() - 1).step() == s.step();
        });
        double err = model.testErrors().meanErrorProperty().get();
        double pca = model.comparison().fit().curveProperty().get().errorPerImage(2);
        assertTrue(err >= pca - 0.05, "no linear map of rank 2 beats PCA: " + err + " vs " + pca);
        assertTrue(err < pca * 1.03, "and this one comes within 3% of it: " + err + " vs " + pca);
        assertNotNull(robot.lookup("#linear-readout").query());
        // Opening a lesson (of a non-linear network) takes the linear one's angles away with it.
        robot.interact(() -> model.lessons().open(before));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> before.toAbsolutePath().equals(model.lessons().getFile())
                && model.training().getSnapshot() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(c.angles().isEmpty(), "no angles of a network that is gone");
        assertTrue(v.angleChart().series().isEmpty(), "the angle chart is empty again");
    }

    @Test
    void aLessonKeepsThePcaFitSoOpeningItNeedsNoNewFit(FxRobot robot) throws Exception {
        openComparison(robot);
        latentlab.pca.PcaModel fitted = model.comparison().fit().getModel();
        Path lesson = dir.resolve("pca.lesson");
        robot.interact(() -> model.lessons().save(lesson, view.captureViewState()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(lesson) && !model.status().busyProperty().get());
        assertTrue(latentlab.io.format.LabFile.read(lesson).containsKey("pca"), "the fit is stored in the lesson");

        AppContext[] other = new AppContext[1];
        robot.interact(() -> {
            other[0] = new AppContext();
            other[0].datasets().setUsePretrained(false);
            other[0].datasets().openBundled();
        });
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> other[0].getDataset() != null
                    && !other[0].status().busyProperty().get());
            robot.interact(() -> other[0].lessons().open(lesson));
            PcaFit c = other[0].comparison().fit();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> c.getModel() != null && c.curveProperty().get() != null
                    && c.space().getCodes() != null);
            assertFalse(c.fittingProperty().get(), "restored, not fitted again");
            assertEquals(fitted.sampleCount(), c.getModel().sampleCount());
            org.junit.jupiter.api.Assertions.assertArrayEquals(fitted.components(), c.getModel().components());
            assertEquals(model.comparison().fit().curveProperty().get().errorPerImage(2),
                    c.curveProperty().get().errorPerImage(2), 1e-12);
            assertEquals(2, c.space().getLatentSize());
        } finally {
            WaitForAsyncUtils.asyncFx(other[0]::shutdown).get();
        }
    }
}
