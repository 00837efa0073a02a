package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import javafx.stage.Stage;
import latentlab.io.format.NpzReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The export commands as the window runs them: files appear, decode with standard tools, and nothing blocks. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ExportUiTest {
    @TempDir
    Path dir;
    private AppContext model;
    private MainView view;

    @Start
    void start(Stage stage) {
        model = new AppContext();
        view = TestWindow.show(stage, model, 1400, 900);
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.close(model);
    }

    private void ready() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.autoencoderSpace().getCodes() != null
                && !model.status().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void done() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.status().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(model.notices().errorProperty().get(), model.notices().errorProperty().get());
    }

    @Test
    void theMapExportsSharplyAtScreenAndDoubleResolution(FxRobot robot) throws Exception {
        ready();
        int[] size1 = new int[2];
        int[] size2 = new int[2];
        robot.interact(() -> {
            view.scatter().exportImage(1, size1);
            int[] argb = view.scatter().exportImage(2, size2);
            model.exports().png(dir.resolve("map@2x.png"), argb, size2[0], size2[1]);
        });
        done();
        assertEquals(2 * size1[0], size2[0]);
        BufferedImage img = ImageIO.read(dir.resolve("map@2x.png").toFile());
        assertEquals(size2[0], img.getWidth());
        assertEquals(size2[1], img.getHeight());
        long coloured = 0;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                coloured += rgb != 0xFFFFFF ? 1 : 0;
            }
        }
        assertTrue(coloured > 2000, "the picture has points and text: " + coloured);
    }

    @Test
    void codesModelAndProjectorFilesAreWrittenInTheBackground(FxRobot robot) throws Exception {
        ready();
        robot.interact(() -> model.exports().codesCsv(dir.resolve("codes.csv")));
        done();
        List<String> rows = Files.readAllLines(dir.resolve("codes.csv"));
        assertEquals("index,label,a1,a2,reconstruction_error", rows.get(0));
        assertEquals(10_001, rows.size());
        robot.interact(() -> model.exports().numpy(dir.resolve("m.npz")));
        done();
        var arrays = NpzReader.read(dir.resolve("m.npz"));
        assertEquals(List.of(256, 784), java.util.Arrays.stream(arrays.get("encoder_0_W").shape()).boxed().toList());
        assertEquals(10_000, arrays.get("codes").dimension(0));
        robot.interact(() -> model.exports().projector(dir.resolve("projector")));
        done();
        assertEquals(10_000, Files.readAllLines(dir.resolve("projector").resolve("vectors.tsv")).size());
        BufferedImage sprite = ImageIO.read(dir.resolve("projector").resolve("sprite.png").toFile());
        assertEquals(2800, sprite.getWidth());
    }

    @Test
    void recordingTheMapWhileTrainingMakesAnAnimatedGif(FxRobot robot) throws Exception {
        ready();
        robot.interact(() -> {
            int[] size = new int[2];
            view.scatter().exportImage(1, size);
            model.exports().startRecording(size[0], size[1]);
        });
        for (int i = 0; i < 4; i++) {
            long before = model.training().getSnapshot().step();
            robot.interact(() -> model.training().stepBatch());
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() == before + 1
                    && model.autoencoderSpace().getCodes() == model.training().getSnapshot().displayCodes());
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.exports().recordedFramesProperty().get() >= 4, "a frame per code update");
        assertTrue(robot.lookup(".recording").query().isVisible());
        Path gif = dir.resolve("training.gif");
        robot.interact(() -> model.exports().finishRecording(gif, true, 100));
        done();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            int frames = reader.getNumImages(true);
            assertTrue(frames >= 3, "frames: " + frames);
            assertNotNull(reader.read(0));
        }
    }

    @Test
    void aRangeOfTheTimelineIsRenderedAfterTheFactOneFramePerKeptMoment(FxRobot robot) throws Exception {
        ready();
        robot.interact(() -> model.training().reset());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() == 0);
        for (int i = 0; i < 6; i++) {
            robot.interact(() -> model.training().stepBatch());
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() == 6
                && model.timeline().timelineProperty().get().between(0, 6).size() == 7);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.status().busyProperty().get());
        latentlab.train.Timeline t = model.timeline().timelineProperty().get();
        TimelineRangeDialog[] dialog = new TimelineRangeDialog[1];
        robot.interact(() -> {
            dialog[0] = new TimelineRangeDialog(t);
            dialog[0].fromBox().setValue(t.moments().get(2));
            dialog[0].toBox().setValue(t.moments().get(5));
        });
        assertEquals("4 kept moments: 4 frames, each the map as it was then", dialog[0].countLabel().getText());
        TimelineRangeDialog.Choice choice = dialog[0].choice();
        assertEquals(new TimelineRangeDialog.Choice(2, 5, true), choice);
        Path gif = dir.resolve("range.gif");
        robot.interact(() -> new TimelineExport(model.status(), null, view.scatter(), model.appearance(),
                model.timeline(), model.pool(), () -> "run").start(t, model.training().getSnapshot(), choice, gif));
        done();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(4, reader.getNumImages(true), "one frame per kept moment from step 2 to step 5");
            BufferedImage first = reader.read(0);
            assertEquals((int) Math.floor(view.scatter().getWidth()), first.getWidth());
            long coloured = 0;
            for (int y = 0; y < first.getHeight(); y += 3) {
                for (int x = 0; x < first.getWidth(); x += 3) {
                    int rgb = first.getRGB(x, y) & 0xFFFFFF;
                    int r = rgb >> 16;
                    int g = (rgb >> 8) & 0xFF;
                    int b = rgb & 0xFF;
                    coloured += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60 ? 1 : 0;
                }
            }
            assertTrue(coloured > 500, "the frame shows the digits in their classes' colours: " + coloured);
        }
        latentlab.io.export.ExportFixtures.assertNoTemporaryFiles(dir);
    }
}
