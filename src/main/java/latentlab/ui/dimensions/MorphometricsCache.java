package latentlab.ui.dimensions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
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
 *
 * <p>Measuring takes both cores for a few seconds. Training at full speed takes them too, and the window would
 * stutter meanwhile, so a measurement that nobody is waiting for (the notes beside the sliders) waits while
 * training runs, and stops if training starts; one that a user asked for (a map coloured by slant, the Dimensions
 * view, the β comparison) runs at once.
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
    /** Whether the measurement running gives way to training (read by the measuring thread). */
    private volatile boolean yielding;
    /** Whether training runs (mirrored for the measuring thread). */
    private volatile boolean training;
    /** Kept: a binding handed in (training or the start) lives as long as its listener here. */
    private final ObservableBooleanValue running;
    /** Images whose measurement waits for training to stop, or null. */
    private Dataset deferred;
    private Dataset failedFor;

    /**
     * @param lane      where the measuring runs
     * @param pool      the window's compute pool, which the images are split over
     * @param fx        runs the result's hand-over on the FX thread ({@code Platform::runLater} in the window)
     * @param onFailure where a failed measurement is reported (the error banner)
     * @param running   whether training runs, or anything else a measurement nobody waits for gives way to (the
     *                  window's start, until its first map)
     */
    public MorphometricsCache(Executor lane, ComputePool pool, Executor fx, Consumer<String> onFailure,
                              ObservableBooleanValue running) {
        this.lane = lane;
        this.pool = pool;
        this.fx = fx;
        this.onFailure = onFailure;
        this.running = running;
        training = running.get();
        running.addListener((o, was, now) -> {
            training = now;
            if (!now && deferred != null) {
                Dataset d = deferred;
                deferred = null;
                request(d, false);
            }
        });
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
        MorphometricTable t = tableFor(images, true);
        if (t != null) {
            action.accept(t);
        } else {
            waiting.add(new Waiting(images, action));
        }
    }

    /**
     * The table of {@code images} if it was measured; otherwise starts measuring them (unless that runs or failed
     * already) and returns null.
     *
     * @param urgent whether a user waits for it: if not, the measurement waits while training runs
     */
    public MorphometricTable tableFor(Dataset images, boolean urgent) {
        if (!known(images)) {
            request(images, urgent);
        }
        // A lane that runs at once (tests) has measured them by now.
        return known(images) ? table.get() : null;
    }

    private boolean known(Dataset images) {
        MorphometricTable t = table.get();
        return t != null && t.data() == images;
    }

    /**
     * Starts measuring {@code images} unless their table is known, being measured, or failed; unless {@code urgent},
     * not while training runs (then once it stops).
     */
    public void request(Dataset images, boolean urgent) {
        if (images == null || known(images) || images == failedFor) {
            return;
        }
        if (images == measuringFor) {
            yielding &= !urgent;
            return;
        }
        if (!urgent && training) {
            deferred = images;
            return;
        }
        deferred = null;
        measuringFor = images;
        yielding = !urgent;
        measuring.set(true);
        Progress stillWanted = new Progress() {
            @Override
            public void update(double done, double total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return measuringFor != images || (yielding && training);
            }
        };
        lane.execute(() -> {
            try {
                MorphometricTable measured = MorphometricTable.measure(images, pool, stillWanted);
                fx.execute(() -> measured(images, measured));
            } catch (CancelledException e) {
                // Other images are shown now (their measurement is queued behind this one), or training started.
                fx.execute(() -> gaveWay(images));
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

    /** A measurement stopped for training: it starts again when training stops. */
    private void gaveWay(Dataset images) {
        if (measuringFor != images) {
            return;
        }
        measuringFor = null;
        measuring.set(false);
        if (training) {
            deferred = images;
        } else {
            request(images, !yielding);
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
        MorphometricTable t = tableFor(space.getDisplay(), true);
        if (t != null) {
            space.morphometrics().offer(t);
        }
    }

    /** Forgets the table and drops a measurement in progress (another data set is open). */
    public void clear() {
        measuringFor = null;
        deferred = null;
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
