package latentlab.ui.comparison;

import javafx.concurrent.Task;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.DatasetPair;
import latentlab.eval.Encoding;
import latentlab.pca.ErrorCurve;
import latentlab.pca.Pca;
import latentlab.pca.PcaCodec;
import latentlab.pca.PcaModel;

/**
 * One PCA fit for the window, run on a job lane: PCA of the training images, its test error for every number of
 * components, and the test images' codes with k components. The fit is about 70% of the work, the error curve the
 * rest; progress and messages reach the FX thread through the task's properties.
 */
final class PcaFitTask extends Task<PcaFitTask.Fitted> implements Progress {
    /** What a fit produced: the model, its error curve and the test images' codes (n x k). */
    record Fitted(PcaModel model, ErrorCurve curve, float[] codes) {
    }

    private final DatasetPair pair;
    private final int k;
    private final ComputePool pool;
    private double offset;
    private double share;

    /**
     * @param k components of the codes (clamped to the data's dimension)
     */
    PcaFitTask(DatasetPair pair, int k, ComputePool pool) {
        this.pair = pair;
        this.k = k;
        this.pool = pool;
    }

    /** The data set fitted. */
    DatasetPair pair() {
        return pair;
    }

    @Override
    protected Fitted call() {
        updateMessage(String.format("Fitting PCA to %,d training images…", pair.train().size()));
        phase(0, 0.7);
        PcaModel m = Pca.fit(pair.train(), pool, this);
        updateMessage("PCA: test error for every number of components…");
        phase(0.7, 0.3);
        ErrorCurve c = ErrorCurve.compute(m, pair.test(), pool, this);
        PcaCodec codec = m.codec(Math.min(k, m.dimension()));
        return new Fitted(m, c, Encoding.encode(codec, pair.test(), pool));
    }

    private void phase(double from, double width) {
        offset = from;
        share = width;
        updateProgress(from, 1);
    }

    @Override
    public void update(double done, double total, String message) {
        if (total > 0) {
            updateProgress(offset + share * Math.min(1, done / total), 1);
        }
    }
}
