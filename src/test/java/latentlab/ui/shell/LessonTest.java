package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Button;
import javafx.stage.Stage;
import latentlab.data.DatasetPair;
import latentlab.io.model.LessonFile;
import latentlab.io.model.ModelFile;
import latentlab.train.Checkpoint;
import latentlab.train.Moment;
import latentlab.train.Timeline;
import latentlab.ui.explorer.LatentScatterView;
import latentlab.ui.training.LessonHistory;
import latentlab.ui.training.RunsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Save a lesson, change everything, open it again: the model and the view come back exactly. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class LessonTest {
    @TempDir
    Path dir;
    private AppContext model;
    private MainView view;

    @Start
    void start(Stage stage) {
        AppPreferences prefs = AppPreferences.user();
        prefs.clear();
        model = new AppContext(prefs);
        model.datasets().setUsePretrained(false);
        view = TestWindow.show(stage, model, 1400, 900);
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.close(model);
    }

    private void waitIdle() throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.status().busyProperty().get()
                && model.training().getSnapshot() != null
                && model.training().getSnapshot().codesStep() == model.training().getSnapshot().step());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSavedLessonReopensWithTheSameModelAndView(FxRobot robot) throws Exception {
        waitIdle();
        robot.interact(() -> {
            for (int i = 0; i < 60; i++) {
                model.training().stepBatch();
            }
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() == 60);
        waitIdle();
        LatentScatterView scatter = view.scatter();
        robot.interact(() -> {
            scatter.fit();
            scatter.zoom(0.5, 500, 400);
            scatter.thumbnailsProperty().set(true);
            model.selection().select(123);
            model.selection().isolatedClassProperty().set(7);
            model.autoencoderSpace().position().setAll(0.25f, -0.5f);
            model.training().speedProperty().set(0.4);
        });
        float[] params = model.training().getSnapshot().model().parameters().clone();
        double[] bounds = scatter.viewBounds();
        Path lesson = dir.resolve("monday.lesson");
        robot.interact(() -> model.lessons().save(lesson, view.captureViewState()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(lesson) && !model.status().busyProperty().get());
        // The save's success handler clears busy first, then records the file: let it finish before looking.
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(model.notices().errorProperty().get());
        assertEquals(lesson.toAbsolutePath(), model.lessons().fileProperty().get());
        assertEquals(lesson.toAbsolutePath(), model.preferences().recentLessons().get(0));

        // Change everything, then open the lesson again.
        robot.interact(() -> {
            model.training().reset();
            scatter.fit();
            scatter.thumbnailsProperty().set(false);
            model.selection().clear();
            model.training().speedProperty().set(1.0);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() == 0);
        robot.interact(() -> model.lessons().open(lesson));
        // While the lesson is read the network is closed (no snapshot); a lesson with its history takes a moment.
        // Asked on the FX thread: read from here, the lesson's run could be seen before its view was made pending
        // (opening sets the run, then the view, in one event), and the bounds checked before they were applied.
        waitOnFx(120, () -> !model.status().busyProperty().get()
                && model.lessons().pendingViewProperty().get() == null && model.training().getSnapshot() != null
                && model.training().getSnapshot().step() == 60);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(model.notices().errorProperty().get(), model.notices().errorProperty().get());
        assertArrayEquals(params, model.training().getSnapshot().model().parameters(), "same weights");
        assertArrayEquals(bounds, scatter.viewBounds(), 1e-9);
        assertTrue(scatter.thumbnailsProperty().get());
        assertFalse(scatter.autoFitProperty().get());
        assertEquals(123, model.selection().getSelected());
        assertEquals(7, model.selection().isolatedClassProperty().get());
        assertArrayEquals(new float[] {0.25f, -0.5f}, model.autoencoderSpace().position().toArray(new float[2]));
        assertEquals(0.4, model.training().speedProperty().get(), 1e-9);
        assertEquals(60, model.training().getSnapshot().batchLosses().length(), "history restored");
    }

    @Test
    void aLessonKeepsTheHistoryAndTheBranchesOrOnlyTheFinalWeights(FxRobot robot) throws Exception {
        waitIdle();
        robot.interact(() -> model.training().reset());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() == 0);
        for (int i = 0; i < 12; i++) {
            robot.interact(() -> model.training().stepBatch());
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() == 12
                && model.timeline().timelineProperty().get().moments().size() >= 12);
        robot.interact(() -> model.timeline().showStep(5));
        robot.interact(() -> model.runs().trainFromHere());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.runs().runs().size() == 2
                && model.training().getSnapshot() != null && model.training().getSnapshot().step() == 5);
        for (int i = 0; i < 4; i++) {
            robot.interact(() -> model.training().stepBatch());
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() == 9
                && model.timeline().timelineProperty().get().moments().get(
                        model.timeline().timelineProperty().get().moments().size() - 1).step() == 9);
        waitIdle();
        RunsViewModel.Run first = model.runs().runs().get(0);
        Timeline branch = model.timeline().timelineProperty().get();
        assertTrue(first.timeline().moments().size() >= 12, "Run 1 is kept aside with its history");
        assertTrue(first.timeline().bytes() + branch.bytes() < LessonHistory.historyBytes(), "small enough to keep "
                + "whole (over the cap they are thinned: LessonHistoryTest)");

        Path lesson = dir.resolve("branches.lesson");
        Path small = dir.resolve("weights.lesson");
        robot.interact(() -> model.lessons().save(lesson, view.captureViewState(), LessonHistory.Keep.EVERYTHING,
                () -> { }));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(lesson)
                && !model.status().busyProperty().get());
        robot.interact(() -> model.lessons().save(small, view.captureViewState(), LessonHistory.Keep.FINAL_WEIGHTS,
                () -> { }));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(small)
                && !model.status().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(model.notices().errorProperty().get(), model.notices().errorProperty().get());
        long estimate = WaitForAsyncUtils.asyncFx(() -> model.lessons().sizes().everything()).get(30,
                TimeUnit.SECONDS);
        long bytes = Files.size(lesson);
        assertTrue(Math.abs(bytes - estimate) < 0.05 * bytes, "the dialog's estimate " + estimate + " vs " + bytes);
        assertTrue(Files.size(small) < bytes / 10, Files.size(small) + " bytes with the final weights only");

        robot.interact(() -> model.training().reset());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() == 0);
        robot.interact(() -> model.lessons().open(lesson));
        waitOpened(9, 2);
        RunsViewModel.Run again = model.runs().runs().get(0);
        assertEquals(steps(first.timeline()), steps(again.timeline()), "Run 1's history came back");
        Moment m = first.timeline().nearest(3);
        assertArrayEquals(m.weights(), again.timeline().nearest(3).weights(), "with its weights");
        assertArrayEquals(first.end().parameters(), again.end().parameters(), "and its last state");
        assertEquals(1, model.runs().activeProperty().get(), "Run 2 trains");
        assertEquals("Run 1", model.runs().runs().get(1).parent().parent());
        assertEquals(5, model.runs().runs().get(1).parent().step());
        assertEquals(steps(branch), steps(model.training().checkpointWithHistory().timeline()),
                "Run 2 goes on with its history");

        robot.interact(() -> model.lessons().open(small));
        waitOpened(9, 1);
        assertEquals(java.util.List.of(9L), steps(model.training().checkpointWithHistory().timeline()),
                "no history: only the present");
    }

    /** Waits until the lesson opened (the run at {@code step}, {@code runs} runs) or the banner says why not. */
    private void waitOpened(long step, int runs) throws Exception {
        try {
            waitOnFx(120, () -> model.notices().getError() != null
                    || !model.status().busyProperty().get() && model.training().getSnapshot() != null
                    && model.training().getSnapshot().step() == step && model.runs().runs().size() == runs);
        } catch (TimeoutException e) {
            var s = model.training().getSnapshot();
            throw new AssertionError("not opened: busy " + model.status().busyProperty().get() + ", step "
                    + (s == null ? "none" : s.step()) + ", runs " + model.runs().runs(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(model.notices().getError(), model.notices().getError());
    }

    /** Waits until {@code condition}, evaluated on the FX thread (between events, never in the middle of one). */
    private static void waitOnFx(int seconds, java.util.function.BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean)
                .get(seconds, TimeUnit.SECONDS));
    }

    private static java.util.List<Long> steps(Timeline t) {
        return t.moments().stream().map(Moment::step).toList();
    }

    @Test
    void aCorruptLessonGivesAClearMessageAndLosesNothing(FxRobot robot) throws Exception {
        waitIdle();
        var before = model.training().getSnapshot();
        var dataset = model.getDataset();
        Path bad = dir.resolve("broken.lesson");
        Files.write(bad, new byte[] {'L', 'L', 'A', 'B', 0, 1, 0, 0, 1, 2, 3, 4, 5, 6});
        robot.interact(() -> model.lessons().open(bad));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.notices().errorProperty().get() != null);
        String msg = model.notices().errorProperty().get();
        assertTrue(msg.contains("broken.lesson") && msg.contains("corrupt"), msg);
        assertEquals(dataset, model.getDataset());
        assertNotNull(model.training().getSnapshot());
        assertEquals(before.config().toString(), model.training().getSnapshot().config().toString());
        assertTrue(robot.lookup(".error-banner").query().isVisible());
    }

    @Test
    void aLessonWhoseDataSetMovedSaysSoAndOffersToLocateItOrUseTheOpenOne(FxRobot robot) throws Exception {
        waitIdle();
        robot.interact(() -> {
            for (int i = 0; i < 7; i++) {
                model.training().stepBatch();
            }
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() == 7);
        Checkpoint cp = model.training().checkpoint();
        DatasetPair open = model.getDataset();
        Path realFolder = model.datasets().getFolder();
        Path gone = dir.resolve("usb-stick").resolve("mnist");
        Path lesson = dir.resolve("moved.lesson");
        LessonFile.save(lesson, cp, new ModelFile.DataInfo(open.name(), 28, 28, open.train().size()),
                gone.toString(), new byte[0], null);
        robot.interact(() -> model.training().reset());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() == 0);

        robot.interact(() -> model.lessons().open(lesson));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.notices().getError() != null);
        String msg = model.notices().getError();
        assertTrue(msg.startsWith("Could not open moved.lesson: ") && msg.contains(gone.toString())
                && msg.contains("gone or moved"), msg);
        assertEquals(0, model.training().getSnapshot().step(), "not opened on the open data set without a word");
        List<String> offered = model.notices().actionsProperty().get().stream().map(a -> a.label()).toList();
        assertEquals(List.of("Locate data set\u2026", "Use " + open.name() + " instead"), offered);
        assertTrue(robot.lookup(".error-banner .button").queryAllAs(Button.class).stream()
                .anyMatch(b -> b.getText().equals("Locate data set\u2026") && b.isVisible()), "a button to locate it");

        // Locate it where it is now: the dialog answers with the real folder.
        List<Path> asked = new java.util.ArrayList<>();
        robot.interact(() -> model.lessons().setLocator(p -> {
            asked.add(p);
            return Optional.ofNullable(realFolder);
        }));
        robot.clickOn("Locate data set\u2026");
        waitOnFx(60, () -> !model.status().busyProperty().get() && model.training().getSnapshot() != null
                && model.training().getSnapshot().step() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(gone), asked, "asked where the lesson's folder went");
        assertNull(model.notices().getError(), model.notices().getError());
        assertEquals(realFolder, model.datasets().getFolder());
        assertArrayEquals(cp.parameters(), model.training().getSnapshot().model().parameters(), "the lesson's weights");
    }
}
