package latentlab.ui.comparison;

import java.util.Map;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.DatasetPair;
import latentlab.eval.Encoding;
import latentlab.io.Messages;
import latentlab.io.model.ModelFile;
import latentlab.pca.ErrorCurve;
import latentlab.pca.PcaCodec;
import latentlab.pca.PcaModel;
import latentlab.train.Snapshot;
import latentlab.ui.common.Changes;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.session.JobRunner;
import latentlab.ui.session.Notices;

/**
 * PCA for the open data set: fitted once per data set in the background (with progress and cancellation) or
 * restored from a lesson file, and its latent space over the test images, with as many components as the
 * autoencoder has latent dimensions (the same images and selection as the autoencoder's map). A new data set
 * forgets the fit. FX thread only; the work runs on a job lane with the window's compute pool.
 */
public final class PcaFit {
    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final ReadOnlyObjectProperty<Snapshot> snapshot;
    private final JobRunner.Lane lane;
    private final ComputePool pool;
    private final Notices notices;
    private final LatentSpaceModel space;
    private final ReadOnlyObjectWrapper<PcaModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<ErrorCurve> curve = new ReadOnlyObjectWrapper<>(this, "curve");
    private final ReadOnlyBooleanWrapper fitting = new ReadOnlyBooleanWrapper(this, "fitting");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private DatasetPair fittedFor;
    private PcaFitTask fitTask;
    /** The number of components being encoded for the space (0: none), so a new k is encoded only once. */
    private int encodingK;

    /**
     * @param dataset  the open data set
     * @param snapshot the newest training snapshot (PCA follows its latent size)
     */
    public PcaFit(ReadOnlyObjectProperty<DatasetPair> dataset, ReadOnlyObjectProperty<Snapshot> snapshot,
                  SelectionModel selection, JobRunner.Lane lane, ComputePool pool, Notices notices) {
        this.dataset = dataset;
        this.snapshot = snapshot;
        this.lane = lane;
        this.pool = pool;
        this.notices = notices;
        this.space = new LatentSpaceModel("PCA", selection);
        dataset.addListener((o, was, now) -> clear());
        Changes.onAny(this::followAutoencoder, snapshot);
    }

    /** PCA's latent space over the test images (shares the selection with the autoencoder's). */
    public LatentSpaceModel space() {
        return space;
    }

    /** The fitted model, null before a fit. */
    public ReadOnlyObjectProperty<PcaModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public PcaModel getModel() {
        return model.get();
    }

    /** Test squared error per image for every k = 0..d, null before a fit. */
    public ReadOnlyObjectProperty<ErrorCurve> curveProperty() {
        return curve.getReadOnlyProperty();
    }

    /** Whether a fit is running. */
    public ReadOnlyBooleanProperty fittingProperty() {
        return fitting.getReadOnlyProperty();
    }

    /** Progress of the fit in [0, 1], -1 unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the fit is doing, what it found, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Starts the fit for the open data set, unless it is fitted (or being fitted) already. */
    public void ensureFitted() {
        DatasetPair pair = dataset.get();
        if (lane.isShutdown() || pair == null || pair == fittedFor || (fitTask != null && fitTask.pair() == pair)) {
            return;
        }
        cancelFit();
        PcaFitTask task = new PcaFitTask(pair, Math.max(1, currentK()), pool);
        fitTask = task;
        fitting.set(true);
        progress.bind(task.progressProperty());
        status.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            if (release(task)) {
                PcaFitTask.Fitted r = task.getValue();
                fittedFor = pair;
                show(pair, r.model(), r.curve(), r.codes());
            }
        });
        task.setOnFailed(e -> {
            if (release(task)) {
                status.set("PCA failed: " + Messages.describe(task.getException()));
            }
        });
        task.setOnCancelled(e -> {
            if (release(task)) {
                status.set("PCA fit cancelled");
            }
        });
        lane.execute(task);
    }

    /** Cancels a running fit. */
    public void cancelFit() {
        PcaFitTask t = fitTask;
        if (t != null) {
            release(t);
            t.cancel();
            status.set("PCA fit cancelled");
        }
    }

    /** Detaches the properties from {@code task}; false if a newer fit has replaced it (its result is stale). */
    private boolean release(PcaFitTask task) {
        if (task != fitTask) {
            return false;
        }
        progress.unbind();
        status.unbind();
        fitting.set(false);
        fitTask = null;
        return true;
    }

    /**
     * Uses a fit read from a lesson file for {@code pair} instead of fitting again (the error curve, if the file
     * has none for these test images, and the codes are computed in the background).
     */
    public void restore(DatasetPair pair, PcaModel m, ErrorCurve c) {
        if (m.dimension() != pair.train().dimension()) {
            return;
        }
        cancelFit();
        fittedFor = pair;
        PcaCodec codec = m.codec(componentsFor(m));
        BackgroundWork.submit(lane, notices, "Could not use the lesson's PCA", () -> {
            ErrorCurve curveToShow = c != null && c.imageCount() == pair.test().size() ? c
                    : ErrorCurve.compute(m, pair.test(), pool, Progress.NONE);
            float[] codes = Encoding.encode(codec, pair.test(), pool);
            Platform.runLater(() -> {
                if (fittedFor == pair) {
                    show(pair, m, curveToShow, codes);
                }
            });
        });
    }

    private void show(DatasetPair pair, PcaModel m, ErrorCurve c, float[] codes) {
        model.set(m);
        curve.set(c);
        space.setDisplay(pair.test());
        space.update(m.codec(codes.length / pair.test().size()), codes);
        status.set(String.format("PCA of %,d training images: the first two components explain %.1f%% of the variance",
                m.sampleCount(), 100 * m.explainedVariance(Math.min(2, m.dimension()))));
    }

    /** The autoencoder's latent size (PCA is compared at the same k), 2 before there is an autoencoder. */
    private int currentK() {
        Snapshot s = snapshot.get();
        return s == null ? 2 : s.model().latentSize();
    }

    private int componentsFor(PcaModel m) {
        return Math.max(1, Math.min(currentK(), m.dimension()));
    }

    /**
     * Follows the autoencoder's k: PCA's space gets as many components (encoded in the background). Runs with
     * every snapshot; does nothing while k stays the same.
     */
    public void followAutoencoder() {
        PcaModel m = model.get();
        DatasetPair pair = dataset.get();
        if (m == null || pair == null || pair != fittedFor) {
            return;
        }
        int k = componentsFor(m);
        if (space.getLatentSize() == k || encodingK == k) {
            return;
        }
        encodingK = k;
        PcaCodec codec = m.codec(k);
        BackgroundWork.submit(lane, notices, "Could not encode the test images with PCA", () -> {
            float[] codes = Encoding.encode(codec, pair.test(), pool);
            Platform.runLater(() -> {
                if (encodingK == k) {
                    encodingK = 0;
                }
                if (fittedFor == pair && model.get() == m) {
                    space.update(codec, codes);
                }
            });
        });
    }

    /** The sections a lesson file stores to skip the fit next time (null before a fit). */
    public Map<String, byte[]> lessonSections() {
        PcaModel m = model.get();
        return m == null ? null : ModelFile.pcaSections(m, Math.max(1, space.getLatentSize()), curve.get());
    }

    /** Forgets the fit (another data set); a running fit is cancelled. */
    public void clear() {
        cancelFit();
        fittedFor = null;
        encodingK = 0;
        space.setDisplay(null);
        model.set(null);
        curve.set(null);
    }
}
