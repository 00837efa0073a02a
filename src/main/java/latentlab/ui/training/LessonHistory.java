package latentlab.ui.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import latentlab.io.model.RunsSection;
import latentlab.io.model.SavedRun;
import latentlab.io.model.TimelineSection;
import latentlab.train.Checkpoint;
import latentlab.train.OptimizerKind;
import latentlab.train.Snapshot;
import latentlab.train.Timeline;

/**
 * What a lesson saved from the window keeps of the session's runs, and about how many bytes that takes: everything
 * (the live run's history, the runs kept aside with theirs, within {@link #LESSON_BYTES}), or only the current run's
 * final weights (no optimiser state, no history, no other runs: the smallest file that still opens as the network
 * shown).
 */
public final class LessonHistory {
    /** The most a lesson's histories and runs take, so the file stays under the 1 GiB a lesson may have. */
    public static final long LESSON_BYTES = 768L << 20;

    /** What to keep. */
    public enum Keep {
        /** The live run with its history, and the other runs of the tree with theirs. */
        EVERYTHING,
        /** Only the current run's last weights (and its loss curve). */
        FINAL_WEIGHTS
    }

    private LessonHistory() {
    }

    /**
     * The sections a lesson adds for the live run's history and the other runs. With {@link Keep#EVERYTHING}, over
     * {@link #LESSON_BYTES} the other runs keep only their last states, then the live run only its parent; with
     * {@link Keep#FINAL_WEIGHTS} nothing but the live run's parent is kept.
     */
    public static Map<String, byte[]> sections(Timeline current, RunsSection.Tree tree, Keep keep) {
        Map<String, byte[]> s = new LinkedHashMap<>();
        if (keep == Keep.FINAL_WEIGHTS) {
            s.putAll(TimelineSection.sections(Timeline.NONE.withParent(current.parent())));
            return s;
        }
        RunsSection.Tree t = tree == null ? new RunsSection.Tree(1, List.of()) : tree;
        long others = othersLastStates(t);
        if (current.bytes() + others + othersHistories(t) > LESSON_BYTES) {
            List<SavedRun> light = new ArrayList<>();
            for (SavedRun r : t.others()) {
                light.add(new SavedRun(r.id(), r.settings(), r.end(), Timeline.NONE.withParent(r.parent())));
            }
            t = new RunsSection.Tree(t.activeId(), light);
        }
        Timeline c = current.bytes() + others > LESSON_BYTES ? Timeline.NONE.withParent(current.parent()) : current;
        s.putAll(TimelineSection.sections(c));
        s.putAll(RunsSection.sections(t));
        return s;
    }

    /**
     * About how many bytes the lesson will take: the live run's last state (its weights, optimiser state and losses,
     * from the snapshot {@code live}) and what {@link #sections} keeps; the arrays' sizes, not the few bytes of
     * settings around them. Cheap: nothing is written or copied.
     */
    public static long estimate(Snapshot live, Timeline current, RunsSection.Tree tree, Keep keep) {
        if (live == null) {
            return 0;
        }
        long parameters = live.model().parameters().length;
        long losses = 12L * (live.batchLosses().length() + (live.klLosses() == null ? 0 : live.klLosses().length()));
        if (keep == Keep.FINAL_WEIGHTS) {
            return 4 * parameters + losses;
        }
        int optimizerArrays = live.config().optimizer() == OptimizerKind.ADAM ? 2 : 1;
        RunsSection.Tree t = tree == null ? new RunsSection.Tree(1, List.of()) : tree;
        long others = othersLastStates(t);
        long histories = othersHistories(t);
        long b = 4 * parameters * (1 + optimizerArrays) + losses + others;
        if (current.bytes() + others + histories <= LESSON_BYTES) {
            b += histories;
        }
        if (current.bytes() + others <= LESSON_BYTES) {
            b += current.bytes();
        }
        return b;
    }

    /** The weights, the optimiser's arrays, the batch order and the losses of a run's last state. */
    static long lastState(Checkpoint cp) {
        long b = 4L * cp.parameters().length + losses(cp);
        if (cp.optimizerState() != null) {
            for (float[] a : cp.optimizerState()) {
                b += 4L * a.length;
            }
        }
        if (cp.sampler() != null) {
            b += 4L * cp.sampler().order().length;
        }
        return b;
    }

    /** A step (8 bytes) and a float (4) for every loss kept. */
    private static long losses(Checkpoint cp) {
        return 12L * (cp.batchLosses().length() + cp.klLosses().length());
    }

    private static long othersLastStates(RunsSection.Tree t) {
        long b = 0;
        for (SavedRun r : t.others()) {
            b += lastState(r.end());
        }
        return b;
    }

    private static long othersHistories(RunsSection.Tree t) {
        long b = 0;
        for (SavedRun r : t.others()) {
            b += r.timeline().bytes();
        }
        return b;
    }
}
