package latentlab.ui.shell;

import java.util.Optional;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import latentlab.ui.common.Appearance;
import latentlab.ui.dimensions.DimensionsViewModel;
import latentlab.ui.dimensions.MeasuredDimensions;
import latentlab.ui.dimensions.TraversalGridPainter;
import latentlab.ui.explorer.LatentScatterView;
import latentlab.ui.explorer.LatentSpaceModel;

/**
 * What the Export menu does in the window: asks where to write (proposing names that say what and how far trained,
 * e.g. {@code latent-map-epoch10.png}), captures images on the FX thread (the map at 1× or 2×, with the tools'
 * markers only if the user asks, a panel, the whole window) and hands them to {@link Exports}; records a frame of
 * the map each time its codes change while recording, and asks how to save the recording when it stops.
 */
final class ExportActions {
    private final Exports exports;
    private final FileDialogs dialogs;
    private final LatentScatterView scatter;
    private final LatentSpaceModel space;
    private final Supplier<String> run;
    private final Supplier<String> epoch;
    private DimensionsViewModel dimensions;
    private Appearance look;
    private TimelineExport timeline;

    /**
     * @param run   the run's name for file names ("mnist-784-256-64-2-epoch10")
     * @param epoch how far it trained, for file names ("epoch10", or "")
     */
    ExportActions(Exports exports, FileDialogs dialogs, LatentScatterView scatter, LatentSpaceModel space,
                  Supplier<String> run, Supplier<String> epoch) {
        this.exports = exports;
        this.dialogs = dialogs;
        this.scatter = scatter;
        this.space = space;
        this.run = run;
        this.epoch = epoch;
        space.codesProperty().addListener(o -> recordFrame());
    }

    /** Where the dimensions' exports get the analysis shown and how to draw it. */
    void setDimensions(DimensionsViewModel dimensions, Appearance look) {
        this.dimensions = dimensions;
        this.look = look;
    }

    /** Where the timeline's animation is exported from. */
    void setTimeline(TimelineExport t) {
        this.timeline = t;
    }

    /** A range of the run's kept history as an animated GIF or PNG frames, rendered now. */
    void timelineRange(Window owner) {
        timeline.export(owner);
    }

    /** What each dimension of the model in the Dimensions view means, as CSV. */
    void dimensionsCsv() {
        MeasuredDimensions m = dimensions.getShown();
        if (m != null) {
            dialogs.exportFile("dimensions.csv", "CSV files", "*.csv").ifPresent(f -> exports.dimensionsCsv(f,
                    m.analysis()));
        }
    }

    /** The morphometrics of the test images, as CSV. */
    void morphometricsCsv() {
        MeasuredDimensions m = dimensions.getShown();
        if (m != null) {
            dialogs.exportFile("morphometrics.csv", "CSV files", "*.csv").ifPresent(f -> exports.morphometricsCsv(f,
                    m.table()));
        }
    }

    /** The Dimensions view's traversal grid with its curves, drawn afresh with 56-pixel images, as a PNG. */
    void traversalGrid() {
        MeasuredDimensions m = dimensions.getShown();
        if (m == null) {
            return;
        }
        dialogs.exportFile("traversal-grid.png", "PNG images", "*.png").ifPresent(f -> {
            int[] size = new int[2];
            int[] argb = new TraversalGridPainter().picture(m, dimensions.sourceProperty().get().prefix(),
                    dimensions.curveProperty().get(), look.getTheme(), 56, size);
            exports.png(f, argb, size[0], size[1]);
        });
    }

    /**
     * The map as a PNG at {@code scale} times its size on screen; when the Embeddings tools have markers, first asks
     * whether to include them (ticked if the map shows them now).
     */
    void map(int scale, Window owner) {
        boolean markers = false;
        if (!space.annotations().isEmpty()) {
            Optional<Boolean> include = askMarkers(owner, scatter.viewModel().markersShownProperty().get());
            if (include.isEmpty()) {
                return;
            }
            markers = include.get();
        }
        boolean withMarkers = markers;
        String name = FileNames.with("latent-map", epoch.get()) + (scale == 1 ? "" : "@" + scale + "x") + ".png";
        dialogs.exportFile(name, "PNG images", "*.png").ifPresent(f -> {
            int[] size = new int[2];
            int[] argb = scatter.exportImage(scale, size, withMarkers);
            exports.png(f, argb, size[0], size[1]);
        });
    }

    /** The export's one option: whether the tools' markers go into the picture; empty if cancelled. */
    private static Optional<Boolean> askMarkers(Window owner, boolean shown) {
        CheckBox include = new CheckBox("Include the Embeddings tools' markers (A/B path, a, b, c, your digit)");
        include.setId("export-markers");
        include.setSelected(shown);
        include.setWrapText(true);
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Latent Lab");
        d.setHeaderText("Export the latent map as a picture");
        d.getDialogPane().setContent(include);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.initOwner(owner);
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> include.isSelected());
    }

    /** A node as shown, as a PNG proposed as {@code stem} and how far the network trained. */
    void image(Node node, String stem) {
        dialogs.exportFile(FileNames.with(stem, epoch.get()) + ".png", "PNG images", "*.png").ifPresent(f -> {
            WritableImage img = node.snapshot(null, null);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            int[] argb = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            exports.png(f, argb, w, h);
        });
    }

    void codesCsv() {
        dialogs.exportFile(run.get() + "-codes.csv", "CSV files", "*.csv").ifPresent(exports::codesCsv);
    }

    void numpy() {
        dialogs.exportFile(run.get() + ".npz", "NumPy archives", "*.npz").ifPresent(exports::numpy);
    }

    void projector() {
        dialogs.folder("Folder for the Embedding Projector files").ifPresent(exports::projector);
    }

    /** Starts recording the map at its current size, or stops and asks how to save what was recorded. */
    void record(boolean on, Window owner) {
        if (on) {
            int[] size = new int[2];
            scatter.exportImage(1, size);
            exports.startRecording(size[0], size[1]);
        } else {
            finishRecording(owner);
        }
    }

    private void recordFrame() {
        if (exports.recordingProperty().get()) {
            int[] size = new int[2];
            int[] argb = scatter.exportImage(1, size);
            exports.addFrame(argb, size[0], size[1]);
        }
    }

    private void finishRecording(Window owner) {
        ChoiceDialog<String> how = new ChoiceDialog<>("Animated GIF", "Animated GIF", "PNG frames in a folder",
                "Discard");
        how.setTitle("Latent Lab");
        how.setHeaderText(exports.recordedFramesProperty().get() + " frames recorded. Save them as:");
        how.initOwner(owner);
        String choice = how.showAndWait().orElse("Discard");
        if (choice.startsWith("Animated")) {
            dialogs.exportFile(FileNames.with("latent-map-training-to", epoch.get()) + ".gif", "GIF animations",
                    "*.gif").ifPresentOrElse(f -> exports.finishRecording(f, true, 100), exports::cancelRecording);
        } else if (choice.startsWith("PNG")) {
            dialogs.folder("Folder for the frames").ifPresentOrElse(
                    f -> exports.finishRecording(f, false, 100), exports::cancelRecording);
        } else {
            exports.cancelRecording();
        }
    }
}
