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
 * (the live run's history and the runs kept aside with theirs), or only the current run's final weights (no
 * optimiser state, no history, no other runs: the smallest file that still opens as the network shown).
 *
 * <p>The histories together are thinned to {@link #historyBytes()} (each run's in proportion to its size, as the
 * training thread thins a history: {@link Timeline#thinnedTo}). A lesson is written from byte arrays and read into
 * them (twice the file while it is split into sections), next to the session's own histories (a quarter of the heap
 * each, at most, for the live run and the runs kept aside); a lesson that holds all of them could neither be written
 * nor opened again in the window's heap. Measured at 512 MB with both histories full (265 MB of net a): with an
 * eighth of the heap writing the sections ran out of memory; with a sixteenth the lesson (41 MB) was written.
 */
public final class LessonHistory {
    /** What to keep. */
    public enum Keep {
        /** The live run with its history, and the other runs of the tree with theirs. */
        EVERYTHING,
        /** Only the current run's last weights (and its loss curve). */
        FINAL_WEIGHTS
    }

    private LessonHistory() {
    }

    /** The most the histories of a lesson take together: a sixteenth of the heap (32 MB of the window's 512 MB). */
    public static long historyBytes() {
        return Runtime.getRuntime().maxMemory() / 16;
    }

    /**
     * The sections a lesson adds for the live run's history and the other runs: with {@link Keep#EVERYTHING} the
     * histories thinned together to {@code cap} bytes; with {@link Keep#FINAL_WEIGHTS} nothing but the live run's
     * parent.
     */
    public static Map<String, byte[]> sections(Timeline current, RunsSection.Tree tree, Keep keep, long cap) {
        Map<String, byte[]> s = new LinkedHashMap<>();
        if (keep == Keep.FINAL_WEIGHTS) {
            s.putAll(TimelineSection.sections(Timeline.NONE.withParent(current.parent())));
            return s;
        }
        Kept k = thinned(current, tree, cap);
        s.putAll(TimelineSection.sections(k.current()));
        s.putAll(RunsSection.sections(k.tree()));
        return s;
    }

    /** As {@link #sections(Timeline, RunsSection.Tree, Keep, long)} within {@link #historyBytes()}. */
    public static Map<String, byte[]> sections(Timeline current, RunsSection.Tree tree, Keep keep) {
        return sections(current, tree, keep, historyBytes());
    }

    /** The live run's history and the tree with every history thinned, together within {@code cap}. */
    private record Kept(Timeline current, RunsSection.Tree tree) {
    }

    private static Kept thinned(Timeline current, RunsSection.Tree tree, long cap) {
        RunsSection.Tree t = tree == null ? new RunsSection.Tree(1, List.of()) : tree;
        long total = current.bytes();
        for (SavedRun r : t.others()) {
            total += r.timeline().bytes();
        }
        if (total <= cap) {
            return new Kept(current, t);
        }
        double share = (double) cap / total;
        List<SavedRun> others = new ArrayList<>();
        for (SavedRun r : t.others()) {
            others.add(new SavedRun(r.id(), r.settings(), r.end(),
                    r.timeline().thinnedTo((long) (share * r.timeline().bytes()))));
        }
        return new Kept(current.thinnedTo((long) (share * current.bytes())), new RunsSection.Tree(t.activeId(),
                others));
    }

    /** How many of the live run's moments a lesson with everything keeps (its history thinned with the others'). */
    public static int keptMoments(Timeline current, RunsSection.Tree tree) {
        return thinned(current, tree, historyBytes()).current().moments().size();
    }

    /**
     * About how many bytes the lesson will take: the live run's last state (its weights, optimiser state and losses,
     * from the snapshot {@code live}), the other runs' last states and the histories as {@link #sections} keeps them;
     * the arrays' sizes, not the few bytes of settings around them. Nothing is written or copied.
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
        Kept k = thinned(current, tree, historyBytes());
        long b = 4 * parameters * (1 + optimizerArrays) + losses + k.current().bytes();
        for (SavedRun r : k.tree().others()) {
            b += lastState(r.end()) + r.timeline().bytes();
        }
        return b;
    }

    /** The weights, the optimiser's arrays, the batch order and the losses of a run's last state. */
    static long lastState(Checkpoint cp) {
        long b = 4L * cp.parameters().length + 12L * (cp.batchLosses().length() + cp.klLosses().length());
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
}
