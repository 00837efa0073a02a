package latentlab.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.ChoiceDialog;
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
 * What the Export menu does in the window: asks where to write, captures images on the FX thread (the map at 1× or
 * 2×, a panel, the whole window) and hands them to {@link Exports}; records a frame of the map each time its codes
 * change while recording, and asks how to save the recording when it stops.
 */
final class ExportActions {
    private final Exports exports;
    private final FileDialogs dialogs;
    private final LatentScatterView scatter;
    private DimensionsViewModel dimensions;
    private Appearance look;

    ExportActions(Exports exports, FileDialogs dialogs, LatentScatterView scatter, LatentSpaceModel space) {
        this.exports = exports;
        this.dialogs = dialogs;
        this.scatter = scatter;
        space.codesProperty().addListener(o -> recordFrame());
    }

    /** Where the dimensions' exports get the analysis shown and how to draw it. */
    void setDimensions(DimensionsViewModel dimensions, Appearance look) {
        this.dimensions = dimensions;
        this.look = look;
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

    /** The map as a PNG at {@code scale} times its size on screen. */
    void map(int scale) {
        dialogs.exportFile(scale == 1 ? "latent-map.png" : "latent-map@2x.png", "PNG images", "*.png").ifPresent(f -> {
            int[] size = new int[2];
            int[] argb = scatter.exportImage(scale, size);
            exports.png(f, argb, size[0], size[1]);
        });
    }

    /** A node as shown, as a PNG proposed as {@code name}. */
    void image(Node node, String name) {
        dialogs.exportFile(name, "PNG images", "*.png").ifPresent(f -> {
            WritableImage img = node.snapshot(null, null);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            int[] argb = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            exports.png(f, argb, w, h);
        });
    }

    void codesCsv() {
        dialogs.exportFile("codes.csv", "CSV files", "*.csv").ifPresent(exports::codesCsv);
    }

    void numpy() {
        dialogs.exportFile("latent-lab.npz", "NumPy archives", "*.npz").ifPresent(exports::numpy);
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
            dialogs.exportFile("latent-map.gif", "GIF animations", "*.gif").ifPresentOrElse(
                    f -> exports.finishRecording(f, true, 100), exports::cancelRecording);
        } else if (choice.startsWith("PNG")) {
            dialogs.folder("Folder for the frames").ifPresentOrElse(
                    f -> exports.finishRecording(f, false, 100), exports::cancelRecording);
        } else {
            exports.cancelRecording();
        }
    }
}
