package latentlab.ui.dimensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import latentlab.eval.MorphometricTable;
import latentlab.io.export.DimensionsCsv;
import latentlab.morpho.Morphometric;
import latentlab.pca.PcaCodec;
import latentlab.ui.common.ColourScale;
import latentlab.ui.explorer.ColourBy;
import latentlab.ui.shell.AppContext;
import latentlab.ui.shell.MainView;
import latentlab.ui.shell.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What each dimension means, in the real window at 1280 × 720 on the bundled MNIST and its pre-trained net: the
 * notes beside the sliders, the Dimensions tab's k × 9 grid for the autoencoder and for PCA, and nothing cut off.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class DimensionsViewTest {
    private AppContext context;
    private MainView view;

    @Start
    void start(Stage stage) {
        context = new AppContext();
        view = TestWindow.show(stage, context, 1280, 720);
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.close(context);
    }

    private DimensionsView openTab(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> context.autoencoderSpace().getCodes() != null);
        robot.interact(() -> view.selectTab(3));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.dimensions().getShown() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return view.dimensions();
    }

    @Test
    void theSlidersSayWhatTheirDimensionsTrack(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.sliderNotes().get().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        for (int j = 0; j < 2; j++) {
            Label note = robot.from(view.explorer()).lookup("#slider-note-" + j).queryAs(Label.class);
            assertTrue(note.isVisible(), "a" + (j + 1) + "'s note is shown");
            assertTrue(note.getText().matches("[a-z]+ r = −?0\\.\\d\\d(, [a-z]+ r = −?0\\.\\d\\d)?"), note.getText());
            assertNotNull(note.getTooltip());
            for (Morphometric p : Morphometric.values()) {
                assertTrue(note.getTooltip().getText().contains(p.id() + " r = "), note.getTooltip().getText());
            }
            assertTrue(note.getTooltip().getText().contains("bits"));
        }
        assertEquals(List.of(), truncated(view.sliders()));
    }

    @Test
    void theTabShowsAKByNineGridForTheNetAndForPca(FxRobot robot) throws Exception {
        DimensionsView v = openTab(robot);
        TraversalGridLayout l = v.grid().layoutShown();
        assertEquals(2, l.rows(), "one row per latent dimension of the bundled net");
        assertEquals(9, l.steps());
        assertTrue(l.cell() >= 40, "large enough to read at 1280 × 720: " + l.cell());
        assertTrue(l.width() <= v.grid().getWidth() + 0.5 && l.height() <= v.grid().getHeight() + 0.5,
                "the grid fits its area: " + l + " in " + v.grid().getWidth() + " × " + v.grid().getHeight());
        assertEquals(4, v.table().getColumnCount(), "two dimensions: the names, a1, a2 and the gaps");
        assertEquals(9, v.table().getRowCount(), "the header, a row per property and the bits");
        assertEquals(List.of(), truncated(v));

        robot.interact(() -> context.dimensions().sourceProperty().set(DimensionsViewModel.Source.PCA));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> context.dimensions().getShown() != null
                && context.dimensions().getShown().codec() instanceof PcaCodec);
        WaitForAsyncUtils.waitForFxEvents();
        l = v.grid().layoutShown();
        assertEquals(2, l.rows(), "PCA with as many components");
        assertEquals(9, l.steps());
        assertTrue(context.dimensions().statusProperty().get().startsWith("PCA"),
                context.dimensions().statusProperty().get());
        assertEquals(List.of(), truncated(v));
    }

    @Test
    void ctrl4OpensTheTabAndTheMapColoursBySlant(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> context.autoencoderSpace().getCodes() != null);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId()
                .equals("tab-dimensions"), "Ctrl+4 selects the Dimensions tab");

        robot.interact(() -> view.scatter().colourByProperty().set(new ColourBy.Measure(Morphometric.SLANT)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.scatter().colourScale() != null);
        MorphometricTable t = context.autoencoderSpace().morphometrics().getTable();
        float[] slant = new float[t.size()];
        for (int i = 0; i < slant.length; i++) {
            slant[i] = (float) t.get(i, Morphometric.SLANT);
        }
        assertEquals(ColourScale.robust(slant).min(), view.scatter().colourScale().min(), 1e-9,
                "the map's colour bar spans the test images' slants");
        assertTrue(view.scatter().colourScale().min() < -15 && view.scatter().colourScale().max() > 20,
                "MNIST's digits lean both ways: " + view.scatter().colourScale());
    }

    @Test
    void theAnalysisAndTheGridExport(FxRobot robot, @TempDir Path dir) throws Exception {
        openTab(robot);
        MeasuredDimensions m = context.dimensions().getShown();
        int[] size = new int[2];
        robot.interact(() -> {
            int[] argb = new TraversalGridPainter().picture(m, "a", null, context.appearance().getTheme(), 56, size);
            context.exports().png(dir.resolve("grid.png"), argb, size[0], size[1]);
            context.exports().dimensionsCsv(dir.resolve("dimensions.csv"), m.analysis());
            context.exports().morphometricsCsv(dir.resolve("morpho.csv"), m.table());
        });
        // Three jobs that run side by side; on a loaded machine they can take a while.
        try {
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !context.status().busyProperty().get()
                    && Files.exists(dir.resolve("grid.png")) && Files.exists(dir.resolve("dimensions.csv"))
                    && Files.exists(dir.resolve("morpho.csv")));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the exports did not end: status '" + context.status().getText() + "', error '"
                    + context.notices().getError() + "', busy " + context.status().isBusy() + ", files "
                    + List.of(dir.toFile().list()), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage png = ImageIO.read(dir.resolve("grid.png").toFile());
        TraversalGridLayout l = TraversalGridLayout.ofCell(56, 2, 9, 1, true);
        assertEquals(size[0], png.getWidth());
        assertTrue(png.getWidth() >= l.width() && png.getHeight() >= l.height(), png.getWidth() + " x "
                + png.getHeight());
        int inked = 0;
        int cellY = (int) (l.rowTop(0) + 28);
        for (int x = (int) l.imageLeft(0); x < l.imageLeft(9); x++) {
            inked += (png.getRGB(x, cellY) & 0xFF) < 128 ? 1 : 0;
        }
        assertTrue(inked > 9, "the first row's digits are drawn: " + inked);
        assertTrue(cellPixels(png, l, 0, 0) != cellPixels(png, l, 0, 8) && cellPixels(png, l, 0, 8)
                != cellPixels(png, l, 1, 8), "each cell shows its own decoded image");
        List<String> csv = Files.readAllLines(dir.resolve("dimensions.csv"));
        assertEquals(List.of(DimensionsCsv.header(), DimensionsCsv.row(m.analysis(), 0),
                DimensionsCsv.row(m.analysis(), 1)), csv);
        assertEquals(10_001, Files.readAllLines(dir.resolve("morpho.csv")).size());
    }

    /** A checksum of cell (j, s)'s pixels. */
    private static long cellPixels(BufferedImage png, TraversalGridLayout l, int j, int s) {
        long sum = 0;
        for (int y = 0; y < (int) l.cell(); y++) {
            for (int x = 0; x < (int) l.cell(); x++) {
                sum = sum * 31 + (png.getRGB((int) l.imageLeft(s) + x, (int) l.rowTop(j) + y) & 0xFF);
            }
        }
        return sum;
    }

    /** The texts of the visible labels and buttons under {@code root} that are cut off (shown with an ellipsis). */
    static List<String> truncated(Node root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node n, List<String> cut) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Node text = l.lookup(".text");
            if (text instanceof javafx.scene.text.Text t && !t.getText().equals(l.getText())) {
                cut.add(l.getText() + " shown as " + t.getText());
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, cut);
            }
        }
    }
}
