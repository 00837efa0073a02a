package latentlab.ui.dimensions;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.eval.MorphometricTable;
import latentlab.io.Messages;
import latentlab.nn.Codec;
import latentlab.ui.explorer.LatentSpaceModel;

/**
 * Keeps an analysis of what each dimension of one latent space's model means ({@link MeasuredDimensions}) current,
 * in the background and only while some view wants it: at once for a new model, and while training runs at most
 * every {@value #MIN_INTERVAL_MS} ms — or five times as long as the last analysis took, if that is longer — so
 * that it takes a small share of the cores from training. One analysis runs at a time; when it ends, the newest
 * model is analysed next (the ones in between are skipped). The window calls {@link #poll()} every frame; nothing
 * on the FX thread waits.
 */
public final class DimensionAnalyzer {
    /** The shortest time between the starts of two analyses while training runs. */
    public static final long MIN_INTERVAL_MS = 2000;
    private final LatentSpaceModel space;
    private final ObservableBooleanValue running;
    private final MorphometricsCache morphometrics;
    private final Executor lane;
    private final ComputePool pool;
    private final Executor fx;
    private final LongSupplier clock;
    private final Consumer<String> onFailure;
    private final Set<Object> clients = new HashSet<>();
    private final Set<Object> background = new HashSet<>();
    private final ReadOnlyObjectWrapper<MeasuredDimensions> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper waitingForImages = new ReadOnlyBooleanWrapper(this, "waitingForImages");
    private boolean busy;
    private Codec analysedCodec;
    private float[] analysedCodes;
    private long lastStart;
    private long interval = MIN_INTERVAL_MS * 1_000_000L;
    private int started;

    /**
     * @param space         the latent space whose model is analysed on its display images
     * @param running       whether that model is being trained (analyses are then spaced out)
     * @param morphometrics the display images' morphometrics
     * @param lane          where the analyses run, one at a time
     * @param pool          the window's compute pool (the traversal's images are measured on it)
     * @param fx            runs the result's hand-over on the FX thread ({@code Platform::runLater} in the window)
     * @param clock         nanoseconds ({@code System::nanoTime} in the window)
     * @param onFailure     where a failed analysis is reported, once per model
     */
    public DimensionAnalyzer(LatentSpaceModel space, ObservableBooleanValue running, MorphometricsCache morphometrics,
                             Executor lane, ComputePool pool, Executor fx, LongSupplier clock,
                             Consumer<String> onFailure) {
        this.space = space;
        this.running = running;
        this.morphometrics = morphometrics;
        this.lane = lane;
        this.pool = pool;
        this.fx = fx;
        this.clock = clock;
        this.onFailure = onFailure;
        space.displayProperty().addListener((o, was, now) -> result.set(null));
    }

    /** The latent space analysed. */
    public LatentSpaceModel space() {
        return space;
    }

    /** Registers ({@code on}) or removes a view that shows the analysis and that the user is looking at. */
    public void want(Object client, boolean on) {
        if (on) {
            clients.add(client);
        } else {
            clients.remove(client);
        }
    }

    /**
     * Registers ({@code on}) or removes a view that shows the analysis on the side (the notes beside the sliders):
     * the images it needs are then measured only while training does not run (see {@link MorphometricsCache}).
     */
    public void wantInBackground(Object client, boolean on) {
        if (on) {
            background.add(client);
        } else {
            background.remove(client);
        }
    }

    /** Whether a view shows the analysis. */
    public boolean wanted() {
        return !clients.isEmpty() || !background.isEmpty();
    }

    /** The newest analysis of the space's model on its display images, or null. */
    public ReadOnlyObjectProperty<MeasuredDimensions> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public MeasuredDimensions getResult() {
        return result.get();
    }

    /** Whether an analysis is due but the images' morphometrics are still being measured. */
    public ReadOnlyBooleanProperty waitingForImagesProperty() {
        return waitingForImages.getReadOnlyProperty();
    }

    /** How many analyses have been started (tests count them). */
    public int started() {
        return started;
    }

    /** Called every frame on the FX thread: starts an analysis when one is wanted and due. */
    public void poll() {
        if (!wanted() || busy) {
            return;
        }
        Codec codec = space.getCodec();
        float[] codes = space.getCodes();
        Dataset images = space.getDisplay();
        if (codec == null || codes == null || images == null || codec.inputSize() != images.dimension()
                || codes.length != (long) images.size() * codec.latentSize()
                || (codec == analysedCodec && codes == analysedCodes)) {
            return;
        }
        long now = clock.getAsLong();
        MeasuredDimensions shown = result.get();
        boolean fresh = shown == null || shown.images() != images || shown.dimensions() != codec.latentSize();
        if (running.get() && !fresh && now - lastStart < interval) {
            return;
        }
        MorphometricTable table = morphometrics.tableFor(images, !clients.isEmpty());
        waitingForImages.set(table == null);
        if (table == null) {
            return;
        }
        busy = true;
        started++;
        lastStart = now;
        analysedCodec = codec;
        analysedCodes = codes;
        lane.execute(() -> analyse(codec, images, codes, table));
    }

    private void analyse(Codec codec, Dataset images, float[] codes, MorphometricTable table) {
        long t0 = clock.getAsLong();
        try {
            MeasuredDimensions m = MeasuredDimensions.of(codec, images, codes, table, pool);
            long took = clock.getAsLong() - t0;
            fx.execute(() -> {
                busy = false;
                interval = Math.max(MIN_INTERVAL_MS * 1_000_000L, 5 * took);
                if (space.getDisplay() == images) {
                    result.set(m);
                }
            });
        } catch (RuntimeException e) {
            fx.execute(() -> {
                busy = false;
                onFailure.accept("Could not measure what the dimensions of " + codec.describe() + " mean: "
                        + Messages.describe(e));
            });
        }
    }

    /** Forgets the analysis (another data set). */
    public void clear() {
        result.set(null);
        analysedCodec = null;
        analysedCodes = null;
    }
}
