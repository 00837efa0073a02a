package latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import latentlab.compute.TestPool;
import latentlab.data.Dataset;
import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import latentlab.io.model.RunsSection;
import latentlab.io.model.SavedRun;
import latentlab.io.model.TimelineSection;
import latentlab.nn.Architecture;
import latentlab.nn.loss.BinaryCrossEntropy;
import latentlab.train.Checkpoint;
import latentlab.train.HistoryBudget;
import latentlab.train.Lineage;
import latentlab.train.Moment;
import latentlab.train.OptimizerKind;
import latentlab.train.Rewind;
import latentlab.train.Timeline;
import latentlab.train.Trainer;
import latentlab.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** A lesson's histories thinned together to its cap, both runs keeping theirs; or only the final weights. */
class LessonHistoryTest {
    private static Trainer.Kept train(TrainingConfig c, Dataset data, Checkpoint from, Lineage parent, int steps)
            throws InterruptedException {
        try (Trainer t = new Trainer(c, data, null, null, from, TestPool.get())) {
            t.keepHistory(new HistoryBudget(Long.MAX_VALUE, 1000), null);
            if (parent != null) {
                t.setParent(parent);
            }
            for (int i = 0; i < steps; i++) {
                t.stepBatch();
            }
            assertTrue(t.awaitIdle(60, TimeUnit.SECONDS));
            return t.checkpointWithHistory();
        }
    }

    @Test
    void bothRunsKeepTheirHistoriesThinnedTogetherToTheCap() throws Exception {
        Dataset data = DatasetPair.open(DatasetLocator.bundledMnist().orElseThrow()).train().first(500);
        TrainingConfig c = new TrainingConfig(Architecture.mirrored(784, 8, 2), new BinaryCrossEntropy(),
                OptimizerKind.ADAM, 1e-3, 50, 5, 2, 0, 0.9);
        Trainer.Kept first = train(c, data, null, null, 40);
        Checkpoint at = Rewind.checkpointAt(first.timeline(), first.timeline().nearest(10), first.checkpoint(), data,
                TestPool.get());
        Trainer.Kept branch = train(c.withLearningRate(1e-2), data, at, new Lineage("Run 1", 10), 30);
        RunsSection.Tree tree = new RunsSection.Tree(2, List.of(new SavedRun(1, "adam lr 0.001", first.checkpoint(),
                first.timeline())));
        long all = first.timeline().bytes() + branch.timeline().bytes();

        assertSame(first.timeline(), first.timeline().thinnedTo(all), "nothing to thin under the cap");
        long cap = all / 3;
        Map<String, byte[]> s = LessonHistory.sections(branch.timeline(), tree, LessonHistory.Keep.EVERYTHING, cap);
        int parameters = first.checkpoint().parameters().length;
        Timeline live = TimelineSection.read("t", s, parameters);
        SavedRun kept = RunsSection.read("t", s).others().get(0);
        assertTrue(live.bytes() + kept.timeline().bytes() <= cap, "within the cap");
        for (Timeline[] pair : new Timeline[][] {{branch.timeline(), live}, {first.timeline(), kept.timeline()}}) {
            Timeline was = pair[0];
            Timeline now = pair[1];
            assertTrue(now.moments().size() > 2 && now.moments().size() < was.moments().size(),
                    now.moments().size() + " of " + was.moments().size() + " moments");
            assertEquals(was.moments().get(0).step(), now.moments().get(0).step(), "the first moment stays");
            assertEquals(was.moments().get(was.moments().size() - 1).step(),
                    now.moments().get(now.moments().size() - 1).step(), "the newest stays");
            assertTrue(now.moments().get(0).keyframe(), "the first keyframe stays");
            for (Moment m : now.moments()) {
                Moment before = was.moments().get(was.indexOf(m.step()));
                if (m.exact() || !before.exact()) {
                    assertArrayEquals(before.weights(), m.weights());
                } else {
                    // A keyframe that gave up its optimiser state is kept compact: the same exact weights behind it.
                    assertTrue(m.stored().matches(before.weights()), "moment at step " + m.step());
                }
            }
        }
        assertEquals(new Lineage("Run 1", 10), live.parent());
        // Thinned, the kept run still goes back exactly to any of its moments.
        Moment m = kept.timeline().moments().get(kept.timeline().moments().size() / 2);
        Checkpoint again = Rewind.checkpointAt(kept.timeline(), m, kept.end(), data, TestPool.get());
        assertTrue(m.stored().matches(again.parameters()), "the replay gives the moment's exact weights");
    }

    @Test
    void finalWeightsOnlyKeepNoHistoryAndNoOtherRuns() throws Exception {
        Dataset data = DatasetPair.open(DatasetLocator.bundledMnist().orElseThrow()).train().first(200);
        TrainingConfig c = new TrainingConfig(Architecture.mirrored(784, 4, 2), new BinaryCrossEntropy(),
                OptimizerKind.ADAM, 1e-3, 50, 5, 1, 0, 0.9);
        Trainer.Kept run = train(c, data, null, null, 5);
        Timeline branched = run.timeline().withParent(new Lineage("Run 1", 3));
        Map<String, byte[]> s = LessonHistory.sections(branched, new RunsSection.Tree(2, List.of(new SavedRun(1,
                "adam", run.checkpoint(), run.timeline()))), LessonHistory.Keep.FINAL_WEIGHTS);
        Timeline t = TimelineSection.read("t", s, run.checkpoint().parameters().length);
        assertTrue(t.isEmpty());
        assertEquals(new Lineage("Run 1", 3), t.parent(), "where it branched from is still said");
        assertNull(RunsSection.read("t", s));
        assertFalse(s.containsKey("timeline"));
    }
}
