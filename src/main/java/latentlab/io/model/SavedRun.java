package latentlab.io.model;

import latentlab.train.Checkpoint;
import latentlab.train.Lineage;
import latentlab.train.Timeline;

/**
 * A run of a lesson's tree other than the one that trains: its last state and kept history.
 *
 * @param id       its number in the tree (Run 1, Run 2, ...)
 * @param settings what it trained with, in short
 * @param end      its last state
 * @param timeline its kept history (with its parent, if it is a branch)
 */
public record SavedRun(int id, String settings, Checkpoint end, Timeline timeline) {
    /** The run and step it branched from, or null. */
    public Lineage parent() {
        return timeline.parent();
    }
}
