package latentlab.testing;

import latentlab.compute.Progress;

/** Work asked to stop before it starts: the tests of cancellation. */
public final class Cancelled {
    /** Reports nowhere and is always cancelled. */
    public static final Progress PROGRESS = new Progress() {
        @Override
        public void update(double done, double total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return true;
        }
    };

    private Cancelled() {
    }
}
