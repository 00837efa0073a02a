package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private AppContext model;

    @Start
    void start(Stage stage) {
        model = new AppContext();
        TestWindow.show(stage, model, 1280, 800);
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.close(model);
    }

    private void waitForDataset() throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.getDataset() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void loadsMnistInTheBackgroundAndShowsTheSummary(FxRobot robot) throws TimeoutException {
        waitForDataset();
        assertNotNull(robot.lookup("60,000").tryQuery().orElse(null), "training count shown");
        assertNotNull(robot.lookup("10,000").tryQuery().orElse(null), "test count shown");
        assertTrue(model.status().textProperty().get().startsWith("MNIST: 60,000 + 10,000 images of 28 × 28"), model.status().textProperty().get());
        assertFalse(model.status().busyProperty().get());
        Button open = robot.lookup(".button").match(n -> "Open data set…".equals(((Button) n).getText())).query();
        assertFalse(open.isDisabled());
    }

    @Test
    void theBundledMnistStartsWithThePretrainedModelAndResetTrainsFromScratch(FxRobot robot) throws Exception {
        waitForDataset();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.training().getSnapshot() != null
                && model.autoencoderSpace().getCodes() != null);
        WaitForAsyncUtils.waitForFxEvents(); // the frame that handed over the codes has finished
        var s = model.training().getSnapshot();
        assertEquals(10, s.epochs().size(), "ten epochs of history come with it");
        assertEquals(4690, s.step());
        assertEquals(29.83, s.lastTestSquaredError(), 0.01, "the model of resources/latentlab/pretrained/README.md");
        assertEquals(4690, s.batchLosses().length(), "the loss chart starts with its history");
        assertTrue(model.status().textProperty().get().contains("pre-trained"), model.status().textProperty().get());
        assertTrue(model.launch().readyAfterLaunch() > 0, "the first map's time after launch is known");
        assertTrue(model.status().textProperty().get().contains("after launch"), model.status().textProperty().get());
        // Reset would discard the pre-trained model: it asks first, and Cancel keeps it.
        robot.clickOn("#reset");
        robot.clickOn(dialogButton(robot, "Cancel"));
        WaitForAsyncUtils.waitForFxEvents();
        // One more step: after a reset it would be the fresh network's first (the thread resets before stepping).
        robot.interact(() -> model.training().stepBatch());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() != 4690);
        assertEquals(4691, model.training().getSnapshot().step(), "Cancel kept the trained network");
        robot.clickOn("#reset");
        robot.clickOn(dialogButton(robot, "OK"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() == 0);
        assertFalse(model.status().textProperty().get().contains("pre-trained"), model.status().textProperty().get());
        // The sliders were at the pre-trained map's middle, far outside the fresh network's codes: they come back.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.autoencoderSpace().getCodes() == model.training()
                .getSnapshot().displayCodes() && model.training().getSnapshot().step() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        var space = model.autoencoderSpace();
        for (int j = 0; j < space.getLatentSize(); j++) {
            float v = space.position().get(j);
            assertTrue(v >= space.low(j) && v <= space.high(j), "a" + (j + 1) + " = " + v + " within ["
                    + space.low(j) + ", " + space.high(j) + "]");
        }
        assertTrue(model.training().getSnapshot().epochs().isEmpty());
    }

    @Test
    void sampleDigitsAreDrawnCrisplyOnePixelBlockPerSourcePixel(FxRobot robot) throws TimeoutException {
        waitForDataset();
        TilePane strip = robot.lookup(".digit-strip").queryAs(TilePane.class);
        assertEquals(20, strip.getChildren().size(), "two samples of each of the ten digits");
        ImageView first = (ImageView) strip.getChildren().get(0);
        assertFalse(first.isSmooth());
        Image img = first.getImage();
        assertEquals(56, (int) img.getWidth(), "28 pixels enlarged 2x");
        PixelReader px = img.getPixelReader();
        int distinct = 0;
        for (int y = 0; y < 56; y += 2) {
            for (int x = 0; x < 56; x += 2) {
                int c = px.getArgb(x, y);
                assertEquals(c, px.getArgb(x + 1, y));
                assertEquals(c, px.getArgb(x, y + 1));
                assertEquals(c, px.getArgb(x + 1, y + 1));
                distinct += c != 0xFFFFFFFF ? 1 : 0;
            }
        }
        assertTrue(distinct > 50, "the first digit (a 0) has ink");
    }

    @Test
    void aMissingFolderShowsAClearErrorAndKeepsTheDataSet(FxRobot robot) throws TimeoutException {
        waitForDataset();
        var before = model.getDataset();
        robot.interact(() -> model.datasets().open(java.nio.file.Path.of("/no/such/folder")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.notices().errorProperty().get() != null);
        assertTrue(model.notices().errorProperty().get().contains("/no/such/folder"), model.notices().errorProperty().get());
        assertEquals(before, model.getDataset());
        assertTrue(robot.lookup(".error-banner").query().isVisible());
    }

    @Test
    void aCsvDataSetOpensAndABrokenOneIsNamedWithoutLosingTheOpenOne(FxRobot robot, @org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        waitForDataset();
        StringBuilder csv = new StringBuilder("label");
        for (int j = 0; j < 64; j++) {
            csv.append(",p").append(j);
        }
        csv.append('\n');
        for (int i = 0; i < 70; i++) {
            csv.append(i % 3);
            for (int j = 0; j < 64; j++) {
                csv.append(',').append((i * 31 + j * 7) % 256);
            }
            csv.append('\n');
        }
        java.nio.file.Path good = dir.resolve("tiny.csv");
        java.nio.file.Files.writeString(good, csv);
        robot.interact(() -> model.datasets().open(good));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.getDataset() != null
                && model.getDataset().name().equals("tiny") && !model.status().busyProperty().get());
        assertEquals(8, model.getDataset().train().rows(), "8 x 8 images from 64 values per line");
        assertEquals(60, model.getDataset().train().size());
        assertEquals(10, model.getDataset().test().size());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.autoencoderSpace().getCodes() != null
                && model.autoencoderSpace().getCodes().length == 10 * 2);

        var before = model.getDataset();
        java.nio.file.Path bad = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(bad, "1,0,0,0,0\n2,0,0\n");
        robot.interact(() -> model.datasets().open(bad));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.notices().errorProperty().get() != null);
        assertTrue(model.notices().errorProperty().get().contains("bad.csv, line 2"), model.notices().errorProperty().get());
        assertEquals(before, model.getDataset(), "the open data set stays");
    }

    private static Button dialogButton(FxRobot robot, String text) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .button")
                .match(n -> text.equals(((Button) n).getText())).tryQuery().isPresent());
        return robot.lookup(".dialog-pane .button").match(n -> text.equals(((Button) n).getText())).query();
    }

    @Test
    void presenterModeOnAndOffKeepsTheDecoderPanelInsideTheWindow(FxRobot robot) throws Exception {
        waitForDataset();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.autoencoderSpace().getCodes() != null);
        for (boolean on : new boolean[] {true, false, true, false}) {
            WaitForAsyncUtils.asyncFx(() -> model.appearance().presenterProperty().set(on)).get();
            // The layout settles over a few frames; wait for it, then check every value.
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".slider-value").queryAll()
                        .stream().allMatch(v -> v.localToScene(v.getBoundsInLocal()).getMaxX()
                                <= v.getScene().getWidth() + 0.5));
            } catch (java.util.concurrent.TimeoutException e) {
                // The assertions below name the value that stays outside.
            }
            WaitForAsyncUtils.waitForFxEvents();
            for (Node value : robot.lookup(".slider-value").queryAll()) {
                double right = value.localToScene(value.getBoundsInLocal()).getMaxX();
                double width = value.getScene().getWidth();
                assertTrue(right <= width + 0.5, "presenter " + on + ": a slider's value ends at " + right
                        + ", outside the window (" + width + ")");
            }
        }
    }

    @Test
    void ctrlPlusAsTypedEnlargesTheTextAndCtrlZeroRestoresIt(FxRobot robot) throws Exception {
        waitForDataset();
        double before = model.appearance().scaleProperty().get();
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT,
                javafx.scene.input.KeyCode.EQUALS).release(javafx.scene.input.KeyCode.EQUALS,
                javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 0.1, model.appearance().scaleProperty().get(), 1e-9, "Ctrl+Shift+= is Ctrl +");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ADD)
                .release(javafx.scene.input.KeyCode.ADD, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 0.2, model.appearance().scaleProperty().get(), 1e-9, "the keypad's +");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT0)
                .release(javafx.scene.input.KeyCode.DIGIT0, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, model.appearance().scaleProperty().get(), 1e-9);
    }

    @Test
    void reloadingWhileLoadingLeavesOneTrainer() throws Exception {
        // Each load makes a trainer in the background (start-up); the ones of cancelled loads must be closed. The
        // next load cancels each at a later stage: at once, while it reads the images, while it reads the model.
        for (String stage : new String[] {null, "Reading", "pre-trained", null}) {
            WaitForAsyncUtils.asyncFx(model.datasets()::openBundled).get();
            if (stage != null) {
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> String.valueOf(model.status().getText())
                        .contains(stage) || !model.status().isBusy());
            }
        }
        waitForDataset();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.status().busyProperty().get());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("latentlab-trainer") && t.isAlive()).count() == 1);
        // The status is released just before the data set is shown, in the same event: read the result after it.
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(WaitForAsyncUtils.asyncFx(() -> model.training().getSnapshot()).get());
    }

    @Test
    void shutdownLeavesNoWorkerThreads() throws Exception {
        waitForDataset();
        WaitForAsyncUtils.asyncFx(model::shutdown).get();
        // Threads end shortly after they are told to: wait for that, then name any that is left.
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().startsWith("latentlab-") && t.isAlive()
                            && (!t.isDaemon() || t.getName().startsWith("latentlab-job"))));
        } catch (java.util.concurrent.TimeoutException e) {
            // The assertions below name the thread.
        }
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        for (Thread t : threads) {
            assertFalse(t.getName().startsWith("latentlab-") && t.isAlive() && !t.isDaemon(),
                    "non-daemon worker left: " + t.getName());
        }
        assertTrue(threads.stream().noneMatch(t -> t.getName().startsWith("latentlab-job") && t.isAlive()),
                "the job runner's threads ended");
    }
}
