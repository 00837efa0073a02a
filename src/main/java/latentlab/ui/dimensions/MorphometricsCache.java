package latentlab.ui.dimensions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import latentlab.compute.CancelledException;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.eval.MorphometricTable;
import latentlab.io.Messages;
import latentlab.ui.explorer.LatentSpaceModel;

/**
 * The morphometrics of the images the window shows (the open data set's test images), measured once per data set
 * in the background — they depend on the images only, not on any model — and handed to whoever needs them: the
 * analyses of what each latent dimension means, and every served latent space whose map is coloured by slant,
 * thickness, …. Only the newest data set's table is kept; a measurement of images nobody shows any more is
 * cancelled. State changes on the FX thread; the measuring runs on a lane with the window's compute pool.
 */
public final class MorphometricsCache {
    private final Executor lane;
    private final ComputePool pool;
    private final Executor fx;
    private final Consumer<String> onFailure;
    private final ReadOnlyObjectWrapper<MorphometricTable> table = new ReadOnlyObjectWrapper<>(this, "table");
    private final ReadOnlyBooleanWrapper measuring = new ReadOnlyBooleanWrapper(this, "measuring");
    private final List<LatentSpaceModel> served = new ArrayList<>();
    private final List<Waiting> waiting = new ArrayList<>();
    /** The images being measured (read by the measuring thread to notice it is no longer wanted). */
    private volatile Dataset measuringFor;
    private Dataset failedFor;

    /**
     * @param lane      where the measuring runs
     * @param pool      the window's compute pool, which the images are split over
     * @param fx        runs the result's hand-over on the FX thread ({@code Platform::runLater} in the window)
     * @param onFailure where a failed measurement is reported (the error banner)
     */
    public MorphometricsCache(Executor lane, ComputePool pool, Executor fx, Consumer<String> onFailure) {
        this.lane = lane;
        this.pool = pool;
        this.fx = fx;
        this.onFailure = onFailure;
    }

    /** The newest table measured, or null. */
    public ReadOnlyObjectProperty<MorphometricTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    /** Whether a measurement runs. */
    public ReadOnlyBooleanProperty measuringProperty() {
        return measuring.getReadOnlyProperty();
    }

    /**
     * Calls {@code action} with the table of {@code images} on the FX thread: now if it is known, else once they
     * have been measured (not at all if the measurement fails or other images replace them).
     */
    public void whenMeasured(Dataset images, Consumer<MorphometricTable> action) {
        MorphometricTable t = tableFor(images);
        if (t != null) {
            action.accept(t);
        } else {
            waiting.add(new Waiting(images, action));
        }
    }

    /**
     * The table of {@code images} if it was measured; otherwise starts measuring them (unless that runs or failed
     * already) and returns null.
     */
    public MorphometricTable tableFor(Dataset images) {
        if (!known(images)) {
            request(images);
        }
        // A lane that runs at once (tests) has measured them by now.
        return known(images) ? table.get() : null;
    }

    private boolean known(Dataset images) {
        MorphometricTable t = table.get();
        return t != null && t.data() == images;
    }

    /** Starts measuring {@code images} unless their table is known, being measured, or failed. */
    public void request(Dataset images) {
        if (images == null || known(images) || images == measuringFor || images == failedFor) {
            return;
        }
        measuringFor = images;
        measuring.set(true);
        Progress stillWanted = new Progress() {
            @Override
            public void update(double done, double total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return measuringFor != images;
            }
        };
        lane.execute(() -> {
            try {
                MorphometricTable measured = MorphometricTable.measure(images, pool, stillWanted);
                fx.execute(() -> measured(images, measured));
            } catch (CancelledException e) {
                // Other images are shown now; their measurement is queued behind this one.
            } catch (RuntimeException e) {
                fx.execute(() -> failed(images, e));
            }
        });
    }

    private void measured(Dataset images, MorphometricTable t) {
        if (measuringFor != images) {
            return;
        }
        measuringFor = null;
        measuring.set(false);
        table.set(t);
        served.forEach(this::refresh);
        List<Waiting> due = List.copyOf(waiting);
        waiting.clear();
        for (Waiting w : due) {
            if (w.images() == images) {
                w.action().accept(t);
            }
        }
    }

    private void failed(Dataset images, RuntimeException e) {
        if (measuringFor != images) {
            return;
        }
        measuringFor = null;
        failedFor = images;
        measuring.set(false);
        waiting.removeIf(w -> w.images() == images);
        onFailure.accept("Could not measure the images of " + images.name() + ": " + Messages.describe(e));
    }

    /**
     * Fills {@code space}'s morphometrics whenever a view of it wants them: measured if need be, handed over when
     * they are.
     */
    public void serve(LatentSpaceModel space) {
        served.add(space);
        space.morphometrics().wantedProperty().addListener((o, was, now) -> refresh(space));
        space.displayProperty().addListener((o, was, now) -> refresh(space));
        refresh(space);
    }

    private void refresh(LatentSpaceModel space) {
        if (!space.morphometrics().wantedProperty().get() || space.getDisplay() == null
                || space.morphometrics().getTable() != null) {
            return;
        }
        MorphometricTable t = tableFor(space.getDisplay());
        if (t != null) {
            space.morphometrics().offer(t);
        }
    }

    /** Forgets the table and drops a measurement in progress (another data set is open). */
    public void clear() {
        measuringFor = null;
        failedFor = null;
        measuring.set(false);
        table.set(null);
        waiting.clear();
    }

    /** Stops filling {@code space} (its window closed). */
    public void stopServing(LatentSpaceModel space) {
        served.remove(space);
    }

    private record Waiting(Dataset images, Consumer<MorphometricTable> action) {
    }
}
