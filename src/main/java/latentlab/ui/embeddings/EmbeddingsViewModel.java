package latentlab.ui.embeddings;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import latentlab.compute.ComputePool;
import latentlab.data.DatasetPair;
import latentlab.train.Snapshot;
import latentlab.ui.comparison.PcaFit;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.session.FrameLoop;
import latentlab.ui.session.JobRunner;
import latentlab.ui.training.TestErrorMonitor;

/**
 * The embeddings tab's state: what the codes are good for, one small view-model per tool — nearest neighbours in
 * three spaces ({@link NeighboursViewModel}), interpolation ({@link InterpolationViewModel}), latent arithmetic
 * ({@link ArithmeticViewModel}), a drawn digit encoded live ({@link DrawingViewModel}), codes as features for a
 * classifier ({@link ProbeViewModel}) and the worst-reconstructed images ({@link WorstViewModel}) — over one pool
 * of images ({@link PooledImages}) and search indexes kept current in the background ({@link Indexing}).
 *
 * <p>Everything follows the training: decodes use the newest model at once, searches when the indexes catch up.
 * The indexes are kept current only while the tab is active ({@link #setActive}), from the window's frame loop.
 */
public final class EmbeddingsViewModel {
    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final LatentSpaceModel autoencoderSpace;
    private final PcaFit pca;
    private final FrameLoop frames;
    private final PooledImages images;
    private final Indexing indexing;
    private final NeighboursViewModel neighbours;
    private final InterpolationViewModel interpolation;
    private final ArithmeticViewModel arithmetic;
    private final DrawingViewModel drawing;
    private final WorstViewModel worst;
    private final ProbeViewModel probe;
    private final BooleanBinding nothingSelected;
    private boolean active;
    private FrameLoop.Registration indexUpdates;

    /**
     * @param dataset          the open data set
     * @param snapshot         the newest training snapshot
     * @param running          whether training runs (the indexes are then rebuilt less often)
     * @param selection        the selected test image, shared by every map
     * @param autoencoderSpace the autoencoder's latent space (the tools draw on its map)
     * @param pca              PCA for the open data set (its codes are searched and walked too)
     * @param testErrors       the autoencoder's per-image test errors, measured while someone wants them
     * @param jobs             the window's job runner (the tab takes a lane for its indexes, one for the probe)
     * @param pool             the window's compute pool
     * @param frames           the window's per-frame loop
     */
    public EmbeddingsViewModel(ReadOnlyObjectProperty<DatasetPair> dataset, ReadOnlyObjectProperty<Snapshot> snapshot,
                               ReadOnlyBooleanProperty running, SelectionModel selection,
                               LatentSpaceModel autoencoderSpace, PcaFit pca, TestErrorMonitor testErrors,
                               JobRunner jobs, ComputePool pool, FrameLoop frames) {
        this.dataset = dataset;
        this.autoencoderSpace = autoencoderSpace;
        this.pca = pca;
        this.frames = frames;
        images = new PooledImages(dataset, selection);
        indexing = new Indexing(dataset, snapshot, running, pca.space().codecProperty(), jobs.lane("embeddings index"),
                pool);
        var indexes = indexing.indexesProperty();
        neighbours = new NeighboursViewModel(dataset, selection, images, indexes);
        interpolation = new InterpolationViewModel(dataset, selection, autoencoderSpace, pca.space().codecProperty(),
                images);
        arithmetic = new ArithmeticViewModel(dataset, selection, autoencoderSpace, images, indexes);
        drawing = new DrawingViewModel(dataset, selection, autoencoderSpace, images, indexes);
        worst = new WorstViewModel(autoencoderSpace, testErrors, images);
        probe = new ProbeViewModel(dataset, snapshot, pca, jobs.lane("probe"), pool);
        nothingSelected = selection.selectedProperty().lessThan(0);
        dataset.addListener((o, was, now) -> clear());
    }

    public NeighboursViewModel neighbours() {
        return neighbours;
    }

    public InterpolationViewModel interpolation() {
        return interpolation;
    }

    public ArithmeticViewModel arithmetic() {
        return arithmetic;
    }

    public DrawingViewModel drawing() {
        return drawing;
    }

    public WorstViewModel worst() {
        return worst;
    }

    /** Codes as features. */
    public ProbeViewModel probe() {
        return probe;
    }

    /** The images the tools search and show. */
    public PooledImages images() {
        return images;
    }

    /** The search indexes' upkeep. */
    public Indexing indexing() {
        return indexing;
    }

    /** The autoencoder's latent space (the tab's map, with what the tools draw on it). */
    public LatentSpaceModel autoencoderSpace() {
        return autoencoderSpace;
    }

    /** The open data set. */
    public ReadOnlyObjectProperty<DatasetPair> datasetProperty() {
        return dataset;
    }

    /** True while no image is selected in the map (the "… = selected" commands have nothing to take). */
    public BooleanBinding nothingSelected() {
        return nothingSelected;
    }

    /** What the indexes are doing, for a status line. */
    public ReadOnlyStringProperty statusProperty() {
        return indexing.statusProperty();
    }

    /**
     * The tab was shown ({@code true}) or hidden: while shown, PCA is fitted (its codes are searched) and the
     * indexes are kept current every frame.
     */
    public void setActive(boolean on) {
        if (on == active) {
            return;
        }
        active = on;
        if (on) {
            pca.ensureFitted();
            indexing.poll();
            indexUpdates = frames.add("the embeddings' search indexes", indexing::poll);
        } else if (indexUpdates != null) {
            indexUpdates.remove();
            indexUpdates = null;
        }
    }

    /**
     * Clears every tool's markers from the maps: the interpolation's A and B, the arithmetic's a, b and c, and the
     * drawn digit (the pad is cleared too).
     */
    public void clearMarkers() {
        interpolation.clear();
        arithmetic.clear();
        drawing.clearWithPad();
        autoencoderSpace.annotations().clear();
    }

    /** Forgets the indexes, the choices and the drawing (another data set; also done when it changes). */
    public void clear() {
        indexing.clear();
        interpolation.clear();
        arithmetic.clear();
        drawing.clear();
        autoencoderSpace.annotations().clear();
    }

    /** Stops work in progress (window closing); the job runner itself is shut down by its owner. */
    public void shutdown() {
        setActive(false);
        probe.shutdown();
    }
}
