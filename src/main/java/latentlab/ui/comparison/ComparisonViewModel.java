package latentlab.ui.comparison;

import java.util.Map;

import javafx.beans.property.ReadOnlyObjectProperty;
import latentlab.compute.ComputePool;
import latentlab.data.DatasetPair;
import latentlab.pca.ErrorCurve;
import latentlab.pca.PcaModel;
import latentlab.train.Snapshot;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.session.FrameLoop;
import latentlab.ui.session.JobRunner;
import latentlab.ui.session.Notices;
import latentlab.ui.training.TestErrorMonitor;
import latentlab.ui.training.TrainingViewModel;

/**
 * The PCA comparison tab's state: the autoencoder beside PCA, its linear closed-form counterpart. Made of one
 * small view-model per part: {@link PcaFit} (the fit and PCA's latent space), {@link MapStatistics} (the numbers
 * above both maps), {@link ReconstructionsViewModel}, {@link ErrorAgainstKViewModel} and
 * {@link LinearAutoencoderViewModel}; PCA as a decoder needs only the fit's space and model.
 *
 * <p>While the tab is active ({@link #setActive}) PCA is fitted (once per data set), the test error is measured
 * and the autoencoder's accuracy kept current from the window's frame loop; nothing of it runs while it is hidden.
 * Background work runs on one job lane, one task at a time, with the window's compute pool.
 */
public final class ComparisonViewModel {
    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final LatentSpaceModel autoencoderSpace;
    private final TestErrorMonitor testErrors;
    private final FrameLoop frames;
    private final PcaFit fit;
    private final MapStatistics statistics;
    private final ReconstructionsViewModel reconstructions;
    private final ErrorAgainstKViewModel errorAgainstK;
    private final LinearAutoencoderViewModel linear;
    private boolean active;
    private FrameLoop.Registration accuracyUpdates;

    /**
     * @param dataset          the open data set
     * @param training         the training run: its snapshots, and the linear autoencoder replaces its network
     * @param selection        the selected, hovered and isolated test images, shared by every map
     * @param autoencoderSpace the autoencoder's latent space over the test images
     * @param testErrors       the autoencoder's test error, measured while someone wants it
     * @param jobs             the window's job runner (the comparison takes one lane of it)
     * @param pool             the window's compute pool
     * @param notices          where background failures are reported
     * @param frames           the window's per-frame loop
     */
    public ComparisonViewModel(ReadOnlyObjectProperty<DatasetPair> dataset, TrainingViewModel training,
                               SelectionModel selection, LatentSpaceModel autoencoderSpace,
                               TestErrorMonitor testErrors, JobRunner jobs, ComputePool pool, Notices notices,
                               FrameLoop frames) {
        this.dataset = dataset;
        this.autoencoderSpace = autoencoderSpace;
        this.testErrors = testErrors;
        this.frames = frames;
        JobRunner.Lane lane = jobs.lane("PCA comparison");
        ReadOnlyObjectProperty<Snapshot> snapshot = training.snapshotProperty();
        fit = new PcaFit(dataset, snapshot, selection, lane, pool, notices);
        statistics = new MapStatistics(dataset, snapshot, training.runningProperty(), autoencoderSpace, fit,
                testErrors.meanErrorProperty(), lane, pool, notices);
        reconstructions = new ReconstructionsViewModel(selection, autoencoderSpace, fit.space(),
                testErrors.perImageProperty(), statistics.pcaErrorsProperty());
        errorAgainstK = new ErrorAgainstKViewModel(dataset, fit, autoencoderSpace.codecProperty(),
                testErrors.meanErrorProperty(), lane, pool, notices);
        linear = new LinearAutoencoderViewModel(training, fit, testErrors);
        dataset.addListener((o, was, now) -> {
            linear.clear();
            if (active) {
                fit.ensureFitted();
            }
        });
    }

    /** The fit, its progress and PCA's latent space. */
    public PcaFit fit() {
        return fit;
    }

    /** The 5-NN accuracies and errors above the maps. */
    public MapStatistics statistics() {
        return statistics;
    }

    /** The selected image's reconstructions and the worst-reconstructed images. */
    public ReconstructionsViewModel reconstructions() {
        return reconstructions;
    }

    /** The test error against the number of components. */
    public ErrorAgainstKViewModel errorAgainstK() {
        return errorAgainstK;
    }

    /** The linear autoencoder and its principal angles to PCA. */
    public LinearAutoencoderViewModel linear() {
        return linear;
    }

    /** The autoencoder's latent space (its map beside PCA's). */
    public LatentSpaceModel autoencoderSpace() {
        return autoencoderSpace;
    }

    /** PCA's latent space over the test images. */
    public LatentSpaceModel space() {
        return fit.space();
    }

    /** The open data set. */
    public ReadOnlyObjectProperty<DatasetPair> datasetProperty() {
        return dataset;
    }

    /**
     * The tab was shown ({@code true}) or hidden: while shown, PCA is fitted for the open data set (once per data
     * set), the autoencoder's test error is measured and its accuracy kept current every frame.
     */
    public void setActive(boolean on) {
        if (on == active) {
            return;
        }
        active = on;
        testErrors.want(this, on);
        if (on) {
            fit.ensureFitted();
            accuracyUpdates = frames.add("the PCA comparison's accuracies", statistics::refreshAutoencoder);
        } else if (accuracyUpdates != null) {
            accuracyUpdates.remove();
            accuracyUpdates = null;
        }
    }

    /** The fitted PCA model, or null. */
    public PcaModel getModel() {
        return fit.getModel();
    }

    /** Uses a fit read from a lesson file (see {@link PcaFit#restore}). */
    public void restore(DatasetPair pair, PcaModel m, ErrorCurve c) {
        fit.restore(pair, m, c);
    }

    /** PCA's space follows the autoencoder's k (it also does so by itself with every snapshot). */
    public void followAutoencoder() {
        fit.followAutoencoder();
    }

    /** Records a linear autoencoder's principal angles (it also does so by itself with every snapshot). */
    public void recordAngles(Snapshot s) {
        linear.recordAngles(s);
    }

    /** The sections a lesson stores to skip the fit next time (null before a fit). */
    public Map<String, byte[]> lessonSections() {
        return fit.lessonSections();
    }

    /** Forgets the fit and every measurement (another data set; it also does so by itself when it changes). */
    public void clear() {
        fit.clear();
        statistics.clear();
        linear.clear();
    }

    /** Stops work in progress (window closing); the job runner itself is shut down by its owner. */
    public void shutdown() {
        setActive(false);
        fit.cancelFit();
    }
}
