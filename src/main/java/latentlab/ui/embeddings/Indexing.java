package latentlab.ui.embeddings;

import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import latentlab.compute.ComputePool;
import latentlab.data.DatasetPair;
import latentlab.io.Messages;
import latentlab.nn.Codec;
import latentlab.train.Snapshot;
import latentlab.ui.session.JobRunner;

/**
 * Keeps the {@link SearchIndexes} current: {@link #poll()}, called every frame while the embeddings tab is shown,
 * rebuilds them in the background when the autoencoder or PCA has changed — at once for a new data set, a new PCA
 * or a paused network, at most every {@value #REINDEX_MS} ms while training runs, one build at a time.
 */
public final class Indexing {
    /** Rebuild the code index at most this often while training runs. */
    static final long REINDEX_MS = 2500;

    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final ReadOnlyObjectProperty<Snapshot> snapshot;
    private final ReadOnlyBooleanProperty running;
    private final ReadOnlyObjectProperty<Codec> pca;
    private final JobRunner.Lane lane;
    private final ComputePool pool;
    private final ReadOnlyObjectWrapper<SearchIndexes> indexes = new ReadOnlyObjectWrapper<>(this, "indexes");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final AtomicBoolean building = new AtomicBoolean();
    private long lastIndexed = System.nanoTime() - 60_000_000_000L;

    /**
     * @param running whether training runs
     * @param pca     PCA's codec with as many components as the autoencoder (null before the fit)
     */
    public Indexing(ReadOnlyObjectProperty<DatasetPair> dataset, ReadOnlyObjectProperty<Snapshot> snapshot,
                    ReadOnlyBooleanProperty running, ReadOnlyObjectProperty<Codec> pca, JobRunner.Lane lane,
                    ComputePool pool) {
        this.dataset = dataset;
        this.snapshot = snapshot;
        this.running = running;
        this.pca = pca;
        this.lane = lane;
        this.pool = pool;
    }

    /** The newest indexes (null before the first build of the open data set). */
    ReadOnlyObjectProperty<SearchIndexes> indexesProperty() {
        return indexes.getReadOnlyProperty();
    }

    /** What the indexes are doing, for a status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The indexed code of pooled image {@code i} (of the model last indexed), or null before an index. */
    public float[] codeOf(int i) {
        SearchIndexes ix = indexes.get();
        return ix == null ? null : ix.codes().vector(i);
    }

    /** Starts a rebuild if the model has moved on and one is due. Cheap; call every frame while shown. */
    public void poll() {
        DatasetPair pair = dataset.get();
        Snapshot s = snapshot.get();
        if (pair == null || s == null || s.model().inputSize() != pair.test().dimension() || lane.isShutdown()) {
            return;
        }
        SearchIndexes current = indexes.get();
        Codec pcaNow = pca.get();
        boolean pcaChanged = pcaNow != null && (current == null || current.pca() != pcaNow);
        boolean modelChanged = current == null || current.model() != s.model() || current.pair() != pair;
        if (!modelChanged && !pcaChanged) {
            return;
        }
        long now = System.nanoTime();
        boolean newPair = current == null || current.pair() != pair;
        boolean due = newPair || pcaChanged || !running.get() || now - lastIndexed > REINDEX_MS * 1_000_000L;
        if (!due || !building.compareAndSet(false, true)) {
            return;
        }
        lastIndexed = now;
        Codec model = s.model();
        String count = String.format("%,d", pair.test().size() + pair.train().size());
        if (newPair) {
            status.set("Indexing " + count + " images…");
        }
        lane.execute(() -> {
            try {
                SearchIndexes built = SearchIndexes.build(pair, model, pcaNow, current, pool);
                Platform.runLater(() -> {
                    if (dataset.get() == pair) {
                        indexes.set(built);
                        Snapshot latest = snapshot.get();
                        status.set(String.format("%s images indexed (codes of step %,d)", count,
                                latest == null ? 0 : latest.step()));
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> status.set("Could not index the images: " + Messages.describe(e)));
            } finally {
                building.set(false);
            }
        });
    }

    /** Forgets the indexes (another data set). */
    public void clear() {
        indexes.set(null);
        status.set("");
    }
}
