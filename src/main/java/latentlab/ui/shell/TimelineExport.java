package latentlab.ui.shell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.stage.Window;
import latentlab.compute.ComputePool;
import latentlab.io.export.FrameRecorder;
import latentlab.io.export.TimelineFrames;
import latentlab.nn.Architecture;
import latentlab.train.LossTrace;
import latentlab.train.Moment;
import latentlab.train.Snapshot;
import latentlab.train.Timeline;
import latentlab.ui.common.Appearance;
import latentlab.ui.explorer.LatentScatterView;
import latentlab.ui.explorer.MomentMapPainter;
import latentlab.ui.training.TimelineViewModel;

/**
 * Export &gt; "Animation of the timeline": after the fact, a range of the run's kept history as an animated GIF or
 * PNG frames. Asks for the range ({@link TimelineRangeDialog}) and the file, then renders the frames as a background
 * job with progress and cancellation in the status bar ({@link TimelineFrames}: the codes of each kept moment on the
 * compute pool, the map drawn by a {@link MomentMapPainter} at the map's size on screen) and writes atomically.
 */
final class TimelineExport {
    /** How long each frame shows; the last one shows for two seconds. */
    static final int FRAME_MILLIS = 150;

    private final StatusLine status;
    private final FileDialogs dialogs;
    private final LatentScatterView scatter;
    private final Appearance look;
    private final TimelineViewModel timeline;
    private final ComputePool pool;
    private final Supplier<String> run;

    TimelineExport(StatusLine status, FileDialogs dialogs, LatentScatterView scatter, Appearance look,
                   TimelineViewModel timeline, ComputePool pool, Supplier<String> run) {
        this.status = status;
        this.dialogs = dialogs;
        this.scatter = scatter;
        this.look = look;
        this.timeline = timeline;
        this.pool = pool;
        this.run = run;
    }

    /** Asks for a range and a place, then exports (nothing if the history is empty or the user cancels). */
    void export(Window owner) {
        Timeline t = timeline.timelineProperty().get();
        Snapshot live = timeline.liveSnapshotProperty().get();
        if (t.isEmpty() || live == null) {
            status.show("The timeline keeps no moments yet: train for a while first");
            return;
        }
        Optional<TimelineRangeDialog.Choice> choice = new TimelineRangeDialog(t).ask(owner, look);
        if (choice.isEmpty()) {
            return;
        }
        TimelineRangeDialog.Choice c = choice.get();
        String stem = String.format(Locale.ROOT, "%s-steps-%d-%d", run.get(), c.from(), c.to());
        Optional<Path> target = c.gif() ? dialogs.exportFile(stem + ".gif", "GIF animations", "*.gif")
                : dialogs.folder("Folder for the frames");
        target.ifPresent(f -> start(t, live, c, f));
    }

    /** Renders and writes in the background. */
    void start(Timeline t, Snapshot live, TimelineRangeDialog.Choice c, Path target) {
        int w = Math.max(1, (int) Math.floor(scatter.getWidth()));
        int h = Math.max(1, (int) Math.floor(scatter.getHeight()));
        MomentMapPainter painter = new MomentMapPainter(scatter, look, "a", w, h);
        Architecture arch = live.model().architecture();
        int k = arch.latentSize();
        LossTrace.View losses = live.batchLosses();
        int frames = t.between(c.from(), c.to()).size();
        status.run("Exporting the timeline", "Saved " + frames + " frames of the timeline to " + target.getFileName(),
                p -> {
                    FrameRecorder out = TimelineFrames.render(t, c.from(), c.to(), arch, painter.display(), pool, w,
                            h, (m, codes) -> painter.paint(codes, k, caption(m, losses)), p);
                    TimelineFrames.write(out, target, c.gif(), FRAME_MILLIS, p);
                    return null;
                });
    }

    /** "step 1,200 · epoch 2.40 · loss 95.1" (the loss of the last minibatch up to the moment, if known). */
    static String caption(Moment m, LossTrace.View losses) {
        String s = TimelineRangeDialog.describe(m);
        for (int i = losses.length() - 1; i >= 0; i--) {
            if (losses.step(i) <= m.step()) {
                return s + String.format(Locale.ROOT, " · loss %.4g", losses.value(i));
            }
        }
        return s;
    }
}
