package latentlab.train;

/**
 * Where a branched run came from: the run (its file name, or its name in the window) and the step it branched at.
 *
 * @param parent the parent run's name
 * @param step   the parent's step the branch started from
 */
public record Lineage(String parent, long step) {
    public Lineage {
        java.util.Objects.requireNonNull(parent, "parent");
        if (step < 0) {
            throw new IllegalArgumentException("branch step must not be negative, got " + step);
        }
    }
}
