package latentlab.ui.embeddings;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import latentlab.data.Dataset;
import latentlab.embed.Interpolation;
import latentlab.embed.Neighbours;
import latentlab.embed.Similarity;
import latentlab.ui.common.Changes;
import latentlab.ui.common.Icons;
import latentlab.ui.common.ImageRow;
import latentlab.ui.comparison.ComparisonViewModel;
import latentlab.ui.explorer.ColourBy;
import latentlab.ui.explorer.ScatterPane;
import latentlab.ui.shell.MainViewModel;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The embeddings tab: the latent map (with what the tools draw on it) beside the tools — nearest neighbours by
 * inner product, cosine or distance in three spaces, interpolation, latent arithmetic, and the worst-reconstructed
 * images, a drawing pad whose digit is encoded live, and codes as features for a classifier.
 */
public final class EmbeddingsView extends BorderPane {
    private static final int THUMB = 56;
    private final MainViewModel main;
    private final EmbeddingsViewModel vm;
    private final ScatterPane scatter;
    private final TabPane tools = new TabPane();
    private final ImageRow codeRow;
    private final ImageRow pcaRow;
    private final ImageRow pixelRow;
    private final Label codeTitle = new Label();
    private final Label pcaTitle = new Label();
    private final Label pixelTitle = new Label();
    private final Label measureNote = new Label();
    private final ImageRow query;
    private final Label queryText = new Label();
    private final ImageRow latentStrip;
    private final ImageRow fadeStrip;
    private final ImageRow pcaStrip;
    private final Label pcaStripTitle = new Label();
    private final ImageRow ends;
    private final ImageRow arguments;
    private final ImageRow result;
    private final ImageRow resultNeighbours;
    private final Label resultText = new Label();
    private final ImageRow worst;
    private final DrawingPadView pad;
    private final ImageRow drawnRow;
    private final ImageRow drawnNeighbours;
    private final Label drawnText = new Label();
    private final Label worstTitle = new Label();

    public EmbeddingsView(MainViewModel main) {
        this.main = main;
        this.vm = main.embeddings();
        var look = main.appearance();
        getStyleClass().add("embeddings");
        scatter = new ScatterPane(main.autoencoderSpace(), "a", "Latent space", look,
                new latentlab.ui.session.JobRunner("latentlab-map").lane("embeddings map"), // temporary: the shell's
                new latentlab.compute.ComputePool(1)); // runner and pool go here (issue 20)
        scatter.setId("embeddings-map");
        codeRow = new ImageRow(look, THUMB);
        codeRow.setId("neighbours-codes");
        pcaRow = new ImageRow(look, THUMB);
        pcaRow.setId("neighbours-pca");
        pixelRow = new ImageRow(look, THUMB);
        pixelRow.setId("neighbours-pixels");
        query = new ImageRow(look, 84);
        latentStrip = new ImageRow(look, THUMB);
        latentStrip.setId("strip-latent");
        fadeStrip = new ImageRow(look, THUMB);
        fadeStrip.setId("strip-fade");
        pcaStrip = new ImageRow(look, THUMB);
        pcaStrip.setId("strip-pca");
        ends = new ImageRow(look, THUMB);
        arguments = new ImageRow(look, THUMB);
        result = new ImageRow(look, 112);
        result.setId("arithmetic-result");
        resultNeighbours = new ImageRow(look, THUMB);
        worst = new ImageRow(look, THUMB);
        worst.setId("worst-list");
        drawnRow = new ImageRow(look, 112);
        drawnRow.setId("drawn-reconstruction");
        drawnNeighbours = new ImageRow(look, THUMB);

        pad = new DrawingPadView(look, 28, 28);
        pad.setId("drawing-pad");
        Tab interpolate = new Tab("Interpolate", scroll(interpolationPane()));
        Tab arithmetic = new Tab("Arithmetic", scroll(arithmeticPane()));
        Tab draw = new Tab("Draw", scroll(drawPane()));
        tools.getTabs().addAll(new Tab("Neighbours", scroll(neighboursPane())), interpolate, arithmetic, draw,
                new Tab("Features", scroll(new ProbeView(main.probe(), look))), new Tab("Worst", scroll(worstPane())));
        // The map shows what the open tool draws (by its key in the model's annotations), not the others' leftovers.
        java.util.Map<Tab, String> drawnBy = java.util.Map.of(interpolate, "interpolation", arithmetic, "arithmetic",
                draw, "drawing");
        scatter.scatter().annotationFilterProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> name -> name.equals(drawnBy.get(tools.getSelectionModel().getSelectedItem())),
                tools.getSelectionModel().selectedItemProperty()));
        tools.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tools.getStyleClass().add("tool-tabs");
        tools.setMinWidth(520);
        tools.setPrefWidth(700);
        // The item, not the index: the index changes first, while the item still is the old tab.
        tools.getSelectionModel().selectedItemProperty().addListener((ob, was, now) -> updateWorstDemand());

        SplitPane body = new SplitPane(scatter, tools);
        body.setDividerPositions(0.5);
        SplitPane.setResizableWithParent(tools, false);
        setTop(header());
        setCenter(body);

        vm.codeAnswerProperty().addListener((ob, was, now) -> showNeighbours());
        vm.pcaAnswerProperty().addListener((ob, was, now) -> showNeighbours());
        vm.pixelAnswerProperty().addListener((ob, was, now) -> showNeighbours());
        vm.similarityProperty().addListener((ob, was, now) -> showMeasure());
        main.selection().selectedProperty().addListener((ob, was, now) -> showQuery());
        main.datasetProperty().addListener((ob, was, now) -> showQuery());
        vm.stripsProperty().addListener((ob, was, now) -> showStrips());
        Changes.onAny(this::showEnds, vm.endAProperty(), vm.endBProperty());
        Changes.onAny(this::showSum, vm.argAProperty(), vm.argBProperty(), vm.argCProperty(), vm.sumProperty());
        main.testErrors().perImageProperty().addListener((ob, was, now) -> showWorst());
        Changes.onAny(() -> vm.setDrawing(pad.canvas().isEmpty() ? null : pad.encodedImage(), false),
                pad.revisionProperty());
        vm.drawnProperty().addListener((ob, was, now) -> showDrawn());
        showMeasure();
        showQuery();
        showNeighbours();
        showStrips();
        showEnds();
        showSum();
        showWorst();
        showDrawn();
    }

    /** The drawing pad. */
    public DrawingPadView pad() {
        return pad;
    }

    /** The tool tabs (tests select them). */
    public TabPane tools() {
        return tools;
    }

    /** The latent map of this tab. */
    public ScatterPane scatterPane() {
        return scatter;
    }

    /** Call when the tab is shown or hidden: indexes and measurements are kept current only while it is shown. */
    public void setShown(boolean shown) {
        vm.setActive(shown);
        this.shown = shown;
        updateWorstDemand();
    }

    private boolean shown;

    /** Called every frame while the tab is shown. */
    public void tick() {
        vm.poll();
    }

    private void updateWorstDemand() {
        boolean worstShown = shown && tools.getSelectionModel().getSelectedItem() != null
                && "Worst".equals(tools.getSelectionModel().getSelectedItem().getText());
        main.testErrors().want(this, worstShown);
    }

    private static ScrollPane scroll(Region content) {
        content.setPadding(new Insets(10, 12, 12, 12));
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        s.getStyleClass().add("side-scroll");
        return s;
    }

    private Region header() {
        Label title = new Label("Embeddings: what the codes are good for");
        title.getStyleClass().add("card-title");
        Label explain = new Label("A good code puts similar images close together. Search for neighbours, walk "
                + "between two images, add and subtract codes, draw your own digit, or train a classifier on the "
                + "codes. Click an image in the map to choose it; what the tools use is marked on the map.");
        explain.getStyleClass().add("muted");
        explain.setWrapText(true);
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("muted");
        VBox box = new VBox(2, title, explain, status);
        box.setPadding(new Insets(8, 12, 8, 12));
        box.getStyleClass().add("pane-toolbar");
        return box;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    // ------------------------------------------------------------------ neighbours

    private Region neighboursPane() {
        ToggleGroup group = new ToggleGroup();
        HBox measures = new HBox(4);
        measures.setAlignment(Pos.CENTER_LEFT);
        for (Similarity s : Similarity.all()) {
            ToggleButton b = new ToggleButton(s.label());
            b.setId("measure-" + s.name());
            b.setToggleGroup(group);
            b.setUserData(s);
            b.setSelected(s == vm.similarityProperty().get());
            measures.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                vm.similarityProperty().set((Similarity) b.getUserData());
            }
        });
        vm.similarityProperty().addListener((o, a, b) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == b)));
        measureNote.getStyleClass().add("muted");
        measureNote.setWrapText(true);
        queryText.getStyleClass().add("muted");
        queryText.setWrapText(true);
        HBox q = new HBox(12, query, queryText);
        q.setAlignment(Pos.CENTER_LEFT);
        for (Label l : new Label[] {codeTitle, pcaTitle, pixelTitle}) {
            l.getStyleClass().add("section-title");
            l.setWrapText(true);
        }
        return new VBox(8, section("Measure"), measures, measureNote, section("Query"), q, codeTitle, codeRow,
                pcaTitle, pcaRow, pixelTitle, pixelRow);
    }

    private void showMeasure() {
        Similarity s = vm.similarityProperty().get();
        measureNote.setText(s == Similarity.INNER_PRODUCT
                ? "a·b = Σ a_i b_i, largest first. It grows with the length of the codes, so long codes win: the "
                        + "neighbours are the images furthest out in the query's direction."
                : s == Similarity.COSINE
                ? "cos = a·b / (‖a‖ ‖b‖): the inner product of directions only, length ignored. With k = 2 many "
                        + "codes share a direction."
                : "‖a − b‖, smallest first: the images whose codes lie nearest in the map.");
    }

    private void showQuery() {
        int i = main.selection().getSelected();
        Dataset d = main.autoencoderSpace().getDisplay();
        if (i < 0 || d == null || i >= d.size()) {
            query.show(List.of());
            query.setVisible(false);
            query.setManaged(false);
            queryText.setText("Click an image in the map: its nearest neighbours among all "
                    + String.format("%,d", vm.poolSize()) + " images appear below, in three spaces.");
            return;
        }
        query.setVisible(true);
        query.setManaged(true);
        query.show(List.of(new ImageRow.Item(d.image(i), d.rows(), d.cols(), "", "", null)));
        queryText.setText(vm.describe(i) + ", a " + d.label(i) + ". Searched: all "
                + String.format("%,d", vm.poolSize()) + " images (test and training).");
    }

    private void showNeighbours() {
        show(vm.codeAnswerProperty().get(), codeRow, codeTitle, "Autoencoder codes");
        show(vm.pcaAnswerProperty().get(), pcaRow, pcaTitle, "PCA codes");
        show(vm.pixelAnswerProperty().get(), pixelRow, pixelTitle, "Pixels");
    }

    private void show(EmbeddingsViewModel.Answer a, ImageRow row, Label title, String space) {
        if (a == null) {
            row.show(List.of());
            title.setText(space + (main.selection().getSelected() < 0 ? "" : ": indexing…"));
            return;
        }
        Similarity s = vm.similarityProperty().get();
        title.setText(String.format("%s (%d numbers per image): %d of %d are %ds · %.1f ms", space, a.dimension(),
                a.sameLabel(), a.neighbours().size(), vm.label(a.query()), a.millis()));
        row.show(items(a.neighbours(), s));
    }

    private List<ImageRow.Item> items(Neighbours n, Similarity s) {
        List<ImageRow.Item> items = new ArrayList<>();
        Dataset d = main.getDataset().test();
        for (int r = 0; r < n.size(); r++) {
            int i = n.index(r);
            String caption = s == null ? "" : format(s.displayValue(n.score(r)));
            items.add(new ImageRow.Item(vm.image(i), d.rows(), d.cols(), caption,
                    vm.describe(i) + ", a " + vm.label(i) + (s == null ? "" : "; " + s.valueName() + " = "
                            + format(s.displayValue(n.score(r)))) + (vm.isTest(i) ? " (click to select it)" : ""),
                    vm.isTest(i) ? () -> main.selection().select(i) : null));
        }
        return items;
    }

    private static String format(double v) {
        double a = Math.abs(v);
        return a >= 100 ? String.format("%.0f", v) : a >= 1 ? String.format("%.2f", v) : String.format("%.3f", v);
    }

    // ------------------------------------------------------------------ interpolation

    private Region interpolationPane() {
        Button setA = Icons.button(MaterialDesignA.ALPHA_A_BOX_OUTLINE, "A = selected",
                "Start the walk at the image selected in the map");
        setA.setId("set-a");
        setA.setOnAction(e -> vm.endAProperty().set(main.selection().getSelected()));
        Button setB = Icons.button(MaterialDesignA.ALPHA_B_BOX_OUTLINE, "B = selected",
                "End the walk at the image selected in the map");
        setB.setId("set-b");
        setB.setOnAction(e -> vm.endBProperty().set(main.selection().getSelected()));
        for (Button b : new Button[] {setA, setB}) {
            b.disableProperty().bind(main.selection().selectedProperty().lessThan(0));
        }
        Button swap = Icons.button(MaterialDesignS.SWAP_HORIZONTAL, "Swap", "Walk the other way");
        swap.setOnAction(e -> {
            int a = vm.endAProperty().get();
            vm.endAProperty().set(vm.endBProperty().get());
            vm.endBProperty().set(a);
        });
        Spinner<Integer> steps = new Spinner<>(3, 21, vm.stepsProperty().get(), 2);
        steps.setPrefWidth(80);
        steps.valueProperty().addListener((o, a, b) -> vm.stepsProperty().set(b));
        Label stepsLabel = new Label("images");
        HBox buttons = new HBox(6, setA, setB, swap, steps, stepsLabel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        pcaStripTitle.getStyleClass().add("section-title");
        return new VBox(8, muted("Pick two images, A and B. The autoencoder walks the straight line between their codes "
                        + "and decodes each step; a pixel cross-fade just blends the two pictures; PCA walks the line "
                        + "between its own codes. The walk is drawn on the map."), buttons, ends,
                section("Autoencoder: h((1 − t)·g(A) + t·g(B))"), latentStrip,
                section("Pixels: (1 − t)·A + t·B"), fadeStrip, pcaStripTitle, pcaStrip);
    }

    private void showEnds() {
        List<ImageRow.Item> items = new ArrayList<>();
        Dataset d = main.autoencoderSpace().getDisplay();
        int a = vm.endAProperty().get();
        int b = vm.endBProperty().get();
        if (d != null) {
            if (a >= 0) {
                items.add(new ImageRow.Item(vm.image(a), d.rows(), d.cols(), "A: a " + vm.label(a), vm.describe(a), null));
            }
            if (b >= 0) {
                items.add(new ImageRow.Item(vm.image(b), d.rows(), d.cols(), "B: a " + vm.label(b), vm.describe(b), null));
            }
        }
        ends.show(items);
    }

    private void showStrips() {
        EmbeddingsViewModel.Strips s = vm.stripsProperty().get();
        Dataset d = main.autoencoderSpace().getDisplay();
        if (s == null || d == null) {
            latentStrip.show(List.of());
            fadeStrip.show(List.of());
            pcaStrip.show(List.of());
            pcaStripTitle.setText("PCA: the same walk between PCA codes");
            return;
        }
        latentStrip.show(strip(s.latent(), d));
        List<ImageRow.Item> fade = new ArrayList<>();
        for (int i = 0; i < s.steps(); i++) {
            fade.add(new ImageRow.Item(java.util.Arrays.copyOfRange(s.crossFade(), i * s.imageSize(),
                    (i + 1) * s.imageSize()), d.rows(), d.cols(), t(i, s.steps()), "", null));
        }
        fadeStrip.show(fade);
        pcaStrip.show(s.pca() == null ? List.of() : strip(s.pca(), d));
        pcaStripTitle.setText(s.pca() == null ? "PCA: waiting for the PCA fit (it runs once per data set, in the background)"
                : "PCA with k = " + s.pca().codeSize() + ": the same walk between PCA codes");
    }

    private static List<ImageRow.Item> strip(Interpolation.Filmstrip f, Dataset d) {
        List<ImageRow.Item> items = new ArrayList<>();
        for (int i = 0; i < f.steps(); i++) {
            items.add(new ImageRow.Item(f.image(i), d.rows(), d.cols(), t(i, f.steps()), "", null));
        }
        return items;
    }

    private static String t(int i, int n) {
        return String.format("t=%.2f", i / (double) (n - 1));
    }

    // ------------------------------------------------------------------ arithmetic

    private Region arithmeticPane() {
        Button a = Icons.button(MaterialDesignA.ALPHA_A_BOX_OUTLINE, "a = selected", "Use the selected image as a");
        a.setOnAction(e -> vm.argAProperty().set(main.selection().getSelected()));
        Button b = Icons.button(MaterialDesignA.ALPHA_B_BOX_OUTLINE, "b = selected", "Use the selected image as b");
        b.setOnAction(e -> vm.argBProperty().set(main.selection().getSelected()));
        Button c = Icons.button(MaterialDesignA.ALPHA_C_BOX_OUTLINE, "c = selected", "Use the selected image as c");
        c.setOnAction(e -> vm.argCProperty().set(main.selection().getSelected()));
        for (Button x : new Button[] {a, b, c}) {
            x.disableProperty().bind(main.selection().selectedProperty().lessThan(0));
        }
        javafx.scene.control.ChoiceBox<Integer> from = new javafx.scene.control.ChoiceBox<>();
        javafx.scene.control.ChoiceBox<Integer> to = new javafx.scene.control.ChoiceBox<>();
        for (int digit = 0; digit < 10; digit++) {
            from.getItems().add(digit);
            to.getItems().add(digit);
        }
        from.setValue(8);
        to.setValue(1);
        from.setId("thick-from");
        to.setId("thick-to");
        Label fromText = new Label();
        fromText.textProperty().bind(from.valueProperty().asString("− thin %d +"));
        Button example = Icons.button(MaterialDesignP.PLUS_MINUS_VARIANT, "Try",
                "Takes the thick and the thin image of the first digit and the thin image of the second from the test "
                        + "images (by their amount of ink). If the difference of the first two is 'thickness', adding it "
                        + "to the thin one gives a thick one. It works for 8 and 1; try 7 and 1 and see why not.");
        example.setId("arithmetic-example");
        example.setOnAction(e -> vm.chooseThicknessExample(from.getValue(), to.getValue()));
        example.disableProperty().bind(main.datasetProperty().isNull());
        Label thick = new Label("Thickness: thick");
        Label thin = new Label("thin");
        HBox exampleRow = new HBox(6, thick, from, fromText, thin, to, example);
        exampleRow.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(6, a, b, c);
        resultText.getStyleClass().add("readout");
        resultText.setWrapText(true);
        return new VBox(8, muted("Words can be added as vectors (paris − france + italy ≈ rome). Can codes? Pick three "
                        + "images: the decoder draws h(g(a) − g(b) + g(c)). The dashed arrows on the map show "
                        + "the step from b to a, taken again from c."), buttons, exampleRow, arguments,
                section("h(g(a) − g(b) + g(c))"), result, resultText, section("The nearest real images"),
                resultNeighbours);
    }

    private void showSum() {
        Dataset d = main.autoencoderSpace().getDisplay();
        List<ImageRow.Item> args = new ArrayList<>();
        String[] names = {"a", "b", "c"};
        int[] idx = {vm.argAProperty().get(), vm.argBProperty().get(), vm.argCProperty().get()};
        if (d != null) {
            for (int j = 0; j < 3; j++) {
                if (idx[j] >= 0) {
                    args.add(new ImageRow.Item(vm.image(idx[j]), d.rows(), d.cols(), names[j] + ": a " + vm.label(idx[j]),
                            vm.describe(idx[j]), null));
                }
            }
        }
        arguments.show(args);
        EmbeddingsViewModel.Sum s = vm.sumProperty().get();
        if (s == null || d == null) {
            result.show(List.of());
            resultNeighbours.show(List.of());
            resultText.setText("Choose a, b and c (or try the example).");
            return;
        }
        result.show(List.of(new ImageRow.Item(s.result().decoded(), d.rows(), d.cols(), "", "", null)));
        StringBuilder code = new StringBuilder("code (");
        for (int j = 0; j < s.result().code().length; j++) {
            code.append(j > 0 ? ", " : "").append(String.format("%.2f", s.result().code()[j]));
            if (j == 5 && s.result().code().length > 7) {
                code.append(", …");
                break;
            }
        }
        double inkSum = EmbeddingsViewModel.ink(s.result().decoded());
        double inkC = EmbeddingsViewModel.ink(vm.image(vm.argCProperty().get()));
        int[] votes = new int[256];
        int top = -1;
        if (s.nearest() != null) {
            for (int r = 0; r < s.nearest().size(); r++) {
                int l = vm.label(s.nearest().index(r));
                votes[l]++;
                top = top < 0 || votes[l] > votes[top] ? l : top;
            }
        }
        resultText.setText(code.append(")").toString() + String.format("%nInk %.0f, against c's %.0f (%+.0f%%)", inkSum,
                inkC, 100 * (inkSum / Math.max(1e-9, inkC) - 1)) + (top < 0 ? ""
                : String.format("%nIts %d nearest images: %d are %ds", s.nearest().size(), votes[top], top)));
        resultNeighbours.show(s.nearest() == null ? List.of() : items(s.nearest(), Similarity.EUCLIDEAN));
    }

    // ------------------------------------------------------------------ drawing

    private Region drawPane() {
        Button load = Icons.button(org.kordamp.ikonli.materialdesign2.MaterialDesignI.IMAGE_MOVE, "Load selected image",
                "Put the image selected in the map on the pad, to damage it with noise or a cover and watch its code "
                        + "move");
        load.setId("load-selected");
        load.setOnAction(e -> {
            int i = main.selection().getSelected();
            if (i >= 0) {
                pad.setImage(vm.image(i));
            }
        });
        load.disableProperty().bind(main.selection().selectedProperty().lessThan(0));
        drawnText.getStyleClass().add("readout");
        drawnText.setWrapText(true);
        VBox right = new VBox(8, section("What the autoencoder makes of it"), drawnRow, drawnText,
                section("Its nearest images in code space"), drawnNeighbours);
        right.setMinWidth(220);
        right.setPrefWidth(260);
        HBox.setHgrow(right, Priority.ALWAYS);
        pad.setMinWidth(320);
        pad.setPrefWidth(360);
        pad.setMaxWidth(380);
        HBox row = new HBox(16, pad, right);
        return new VBox(8, muted("Draw a digit with the mouse (or load one from the map). It is encoded as you draw: "
                + "the green diamond on the map is its code, and it keeps moving while the network trains."), load, row);
    }

    private void showDrawn() {
        EmbeddingsViewModel.Drawn d = vm.drawnProperty().get();
        Dataset data = main.autoencoderSpace().getDisplay();
        if (d == null || data == null) {
            drawnRow.show(List.of());
            drawnNeighbours.show(List.of());
            drawnText.setText("Nothing drawn yet.");
            return;
        }
        drawnRow.show(List.of(new ImageRow.Item(d.reconstruction(), data.rows(), data.cols(), "h(g(x))", "", null)));
        StringBuilder code = new StringBuilder("Code (");
        for (int j = 0; j < d.code().length; j++) {
            code.append(j > 0 ? ", " : "").append(String.format("%.2f", d.code()[j]));
            if (j == 5 && d.code().length > 7) {
                code.append(", …");
                break;
            }
        }
        code.append(")");
        if (d.vote() >= 0) {
            int votes = 0;
            for (int r = 0; r < d.nearest().size(); r++) {
                votes += vm.label(d.nearest().index(r)) == d.vote() ? 1 : 0;
            }
            code.append(String.format("%nLooks like a %d to its %d nearest codes (%d of them)", d.vote(),
                    d.nearest().size(), votes));
        }
        drawnText.setText(code.toString());
        drawnNeighbours.show(d.nearest() == null ? List.of() : items(d.nearest(), Similarity.EUCLIDEAN));
    }

    // ------------------------------------------------------------------ worst

    private Region worstPane() {
        ToggleButton colour = new ToggleButton("Colour the map by error");
        colour.setId("colour-by-error");
        colour.selectedProperty().addListener((o, a, b) -> scatter.scatter().colourByProperty()
                .set(b ? ColourBy.ERROR : ColourBy.LABEL));
        scatter.scatter().colourByProperty().addListener((o, a, b) -> colour.setSelected(b instanceof ColourBy.Error));
        worstTitle.getStyleClass().add("section-title");
        return new VBox(8, muted("The test images the current network rebuilds worst, with their squared error "
                + "Σ (x − x′)². Often odd writing, sometimes a wrong label; where are they on the map?"), colour,
                worstTitle, worst);
    }

    private void showWorst() {
        float[] errors = main.testErrors().perImageProperty().get();
        Dataset d = main.autoencoderSpace().getDisplay();
        if (errors == null || d == null || errors.length != d.size()) {
            worst.show(List.of());
            worstTitle.setText("Measuring the errors…");
            return;
        }
        int[] idx = ComparisonViewModel.worst(errors, 24);
        List<ImageRow.Item> items = new ArrayList<>();
        for (int i : idx) {
            items.add(new ImageRow.Item(d.image(i), d.rows(), d.cols(), String.format("%.1f", errors[i]),
                    vm.describe(i) + ", labelled " + d.label(i) + ": click to select it", () -> main.selection().select(i)));
        }
        worst.show(items);
        worstTitle.setText("The 24 worst of " + String.format("%,d", d.size()) + " test images");
    }
}
