package latentlab.ui.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.ImageRow;
import latentlab.ui.common.StyleSheets;

/**
 * Fig. 2A of Hinton and Salakhutdinov (2006) for the network being trained: a row of test digits, their PCA
 * reconstructions and the autoencoder's, each with its squared error, and the two averages beside the paper's.
 * The view binds to a {@link PaperFigureViewModel} and lays out; it follows the training while it is showing.
 */
public final class PaperFigureWindow {
    private static final int SIZE = 56;
    private final Stage stage = new Stage();
    private final PaperFigureViewModel vm;
    private final ImageRow originals;
    private final ImageRow pca;
    private final ImageRow autoencoder;
    private final Label pcaTitle = rowTitle("PCA");
    private final Label aeTitle = rowTitle("Autoencoder");

    public PaperFigureWindow(Window owner, PaperFigureViewModel vm, Appearance look) {
        this.vm = vm;
        originals = new ImageRow(look, SIZE);
        pca = new ImageRow(look, SIZE);
        autoencoder = new ImageRow(look, SIZE);
        for (ImageRow r : new ImageRow[] {originals, pca, autoencoder}) {
            r.setPrefWrapLength(10 * (SIZE + 12));
        }
        Label title = new Label("Hinton & Salakhutdinov (2006), Fig. 2A: the same test digits through a 30-number code");
        title.getStyleClass().add("section-title");
        Label explain = new Label("Top: one test digit of each class. Middle: PCA keeps the 30 directions of largest "
                + "variance. Bottom: the deep autoencoder 784-1000-500-250-30 with a 30-number code. Under each "
                + "reconstruction its squared error, summed over the 784 pixels.");
        explain.setWrapText(true);
        explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        explain.getStyleClass().add("muted");
        GridPane rows = new GridPane();
        rows.setHgap(12);
        rows.setVgap(8);
        rows.addRow(0, rowTitle("Original"), originals);
        rows.addRow(1, pcaTitle, pca);
        rows.addRow(2, aeTitle, autoencoder);
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("muted");
        VBox root = new VBox(10, title, explain, rows, averages(), status);
        root.setPadding(new Insets(14));
        Scene scene = new Scene(root, 960, 520);
        StyleSheets.apply(scene, look);
        stage.setScene(scene);
        stage.setTitle("Latent Lab — Hinton & Salakhutdinov 2006, Fig. 2A");
        if (owner != null) {
            stage.initOwner(owner);
        }
        vm.figureProperty().addListener((o, was, now) -> show(now));
        show(vm.figureProperty().get());
        stage.setOnShown(e -> vm.setActive(true));
        stage.setOnHidden(e -> vm.setActive(false));
    }

    /** The table of averages: ours beside the paper's. */
    private GridPane averages() {
        GridPane g = new GridPane();
        g.setHgap(18);
        g.setVgap(4);
        g.addRow(0, new Label("Average squared error per test image"), header("Latent Lab"), header("Paper"));
        Label pcaOurs = number();
        pcaOurs.textProperty().bind(Bindings.createStringBinding(() -> format(vm.pcaMeanProperty().get()),
                vm.pcaMeanProperty()));
        Label aeOurs = number();
        aeOurs.textProperty().bind(Bindings.createStringBinding(() -> format(vm.autoencoderMeanProperty().get()),
                vm.autoencoderMeanProperty()));
        Label pcaName = new Label();
        pcaName.textProperty().bind(pcaTitle.textProperty());
        Label aeName = new Label();
        aeName.textProperty().bind(aeTitle.textProperty());
        g.addRow(1, pcaName, pcaOurs, paper(PaperFigureViewModel.PAPER_PCA));
        g.addRow(2, aeName, aeOurs, paper(PaperFigureViewModel.PAPER_AUTOENCODER));
        return g;
    }

    private void show(PaperFigureViewModel.Figure f) {
        if (f == null) {
            for (ImageRow r : new ImageRow[] {originals, pca, autoencoder}) {
                r.show(List.of());
            }
            return;
        }
        pcaTitle.setText("PCA, " + f.k() + " components");
        aeTitle.setText("Autoencoder, " + f.k() + "-number code");
        originals.show(items(f, PaperFigureViewModel.Digit::original, d -> "digit " + d.label()));
        pca.show(items(f, PaperFigureViewModel.Digit::pca, d -> format(d.pcaError())));
        autoencoder.show(items(f, PaperFigureViewModel.Digit::autoencoder, d -> format(d.autoencoderError())));
    }

    private static List<ImageRow.Item> items(PaperFigureViewModel.Figure f,
                                             Function<PaperFigureViewModel.Digit, float[]> pixels,
                                             Function<PaperFigureViewModel.Digit, String> caption) {
        List<ImageRow.Item> items = new ArrayList<>();
        for (PaperFigureViewModel.Digit d : f.digits()) {
            float[] p = pixels.apply(d);
            items.add(new ImageRow.Item(p != null ? p : new float[f.rows() * f.cols()], f.rows(), f.cols(),
                    p != null ? caption.apply(d) : "…", "test image #" + d.index() + ", a " + d.label(), null));
        }
        return items;
    }

    private static String format(double x) {
        return Double.isNaN(x) ? "…" : String.format(Locale.ROOT, "%.2f", x);
    }

    private static Label rowTitle(String text) {
        Label l = new Label(text);
        l.setMinWidth(150);
        l.setAlignment(Pos.TOP_LEFT);
        return l;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private static Label number() {
        Label l = new Label("…");
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label paper(double x) {
        return new Label(String.format(Locale.ROOT, "%.2f", x));
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }
}
