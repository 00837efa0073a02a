package latentlab.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import latentlab.compute.TestPool;
import latentlab.data.Dataset;
import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import latentlab.nn.Architecture;
import latentlab.nn.loss.BinaryCrossEntropy;
import latentlab.train.Checkpoint;
import latentlab.train.HistoryBudget;
import latentlab.train.Lineage;
import latentlab.train.OptimizerKind;
import latentlab.train.Rewind;
import latentlab.train.Timeline;
import latentlab.train.Trainer;
import latentlab.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson keeps the training run's history and the other runs of its tree, and old lessons still open. */
class LessonRunsTest {
    @TempDir
    Path dir;

    private record Run(Checkpoint end, Timeline timeline) {
    }

    private static Run train(TrainingConfig c, Dataset data, Checkpoint from, Lineage parent, int steps)
            throws InterruptedException {
        try (Trainer t = new Trainer(c, data, null, null, from, TestPool.get())) {
            t.keepHistory(new HistoryBudget(Long.MAX_VALUE, 50), null);
            if (parent != null) {
                t.setParent(parent);
            }
            for (int i = 0; i < steps; i++) {
                t.stepBatch();
            }
            t.awaitIdle(60, TimeUnit.SECONDS);
            return new Run(t.checkpoint(), t.timeline());
        }
    }

    @Test
    void aLessonWithABranchRoundTrips() throws Exception {
        Dataset data = DatasetPair.open(DatasetLocator.bundledMnist().orElseThrow()).train().first(500);
        TrainingConfig c = new TrainingConfig(Architecture.mirrored(784, 8, 2), new BinaryCrossEntropy(),
                OptimizerKind.ADAM, 1e-3, 50, 5, 2, 0, 0.9);
        Run first = train(c, data, null, null, 12);
        Checkpoint at = Rewind.checkpointAt(first.timeline(), first.timeline().nearest(5), first.end(), data,
                TestPool.get());
        Run branch = train(c.withLearningRate(1e-2), data, at, new Lineage("Run 1", 5), 4);
        assertEquals(9, branch.end().step());

        Map<String, byte[]> extra = new LinkedHashMap<>(TimelineSection.sections(branch.timeline()));
        extra.putAll(RunsSection.sections(new RunsSection.Tree(2, List.of(new SavedRun(1, "adam lr 0.001",
                first.end(), first.timeline())))));
        Path file = dir.resolve("branches.lesson");
        LessonFile.save(file, branch.end(), new ModelFile.DataInfo("mnist", 28, 28, 500), "/data", new byte[0],
                extra);

        LessonFile.Lesson l = LessonFile.load(file);
        Map<String, byte[]> s = l.model().sections();
        Timeline live = TimelineSection.read("branches.lesson", s, l.model().checkpoint().parameters().length);
        assertEquals(new Lineage("Run 1", 5), live.parent());
        assertEquals(branch.timeline().moments().size(), live.moments().size());
        assertArrayEquals(branch.end().parameters(), l.model().checkpoint().parameters());
        RunsSection.Tree tree = RunsSection.read("branches.lesson", s);
        assertEquals(2, tree.activeId());
        SavedRun kept = tree.others().get(0);
        assertEquals(1, kept.id());
        assertEquals("adam lr 0.001", kept.settings());
        assertEquals(12, kept.end().step());
        assertArrayEquals(first.end().parameters(), kept.end().parameters());
        assertArrayEquals(first.end().optimizerState()[1], kept.end().optimizerState()[1]);
        assertEquals(first.timeline().moments().size(), kept.timeline().moments().size());
        for (int i = 0; i < kept.timeline().moments().size(); i++) {
            assertArrayEquals(first.timeline().moments().get(i).weights(), kept.timeline().moments().get(i).weights());
        }
        // The kept run can still be gone back into: its history replays exactly after the round trip.
        Checkpoint again = Rewind.checkpointAt(kept.timeline(), kept.timeline().nearest(5), kept.end(), data,
                TestPool.get());
        assertArrayEquals(at.parameters(), again.parameters());
    }

    @Test
    void aLessonWithoutRunsOrHistoryStillOpens() throws Exception {
        Dataset data = DatasetPair.open(DatasetLocator.bundledMnist().orElseThrow()).train().first(100);
        TrainingConfig c = new TrainingConfig(Architecture.mirrored(784, 4, 2), new BinaryCrossEntropy(),
                OptimizerKind.ADAM, 1e-3, 50, 5, 1, 0, 0.9);
        Checkpoint cp;
        try (Trainer t = new Trainer(c, data, null, null, null, TestPool.get())) {
            t.stepBatch();
            t.awaitIdle(60, TimeUnit.SECONDS);
            cp = t.checkpoint();
        }
        Path file = dir.resolve("old.lesson");
        LessonFile.save(file, cp, null, "", new byte[0], null);
        LessonFile.Lesson l = LessonFile.load(file);
        assertNull(RunsSection.read("old.lesson", l.model().sections()));
        assertSame(Timeline.NONE, TimelineSection.read("old.lesson", l.model().sections(), cp.parameters().length));
    }
}
