package latentlab.ui.embeddings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.Observable;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import javafx.util.StringConverter;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.Icons;
import latentlab.ui.embeddings.ProbeViewModel.Row;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Codes as features, for a side panel: what the probe does in two sentences, the number of labelled images, Run and
 * Cancel with progress, the latest run as three bars (codes, pixels, PCA) and every run in a table, the best
 * accuracy of each row in bold, rows of an earlier model in italics.
 */
public final class ProbeView extends VBox {
    static final Color CODES_COLOUR = Color.web("#3355cc");
    static final Color CODES_DARK = Color.web("#7aa7ff");
    static final Color PIXELS_COLOUR = Color.web("#8a94a6");
    static final Color PIXELS_DARK = Color.web("#aab3c0");
    static final Color PCA_COLOUR = Color.web("#d55e00");
    static final Color PCA_DARK = Color.web("#ffa560");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass BEST = PseudoClass.getPseudoClass("best");
    private static final PseudoClass ODD = PseudoClass.getPseudoClass("odd");

    private final ProbeViewModel vm;
    private final AccuracyBars bars;
    private final Label barsCaption = new Label();
    private final Label staleNote = new Label("Rows in italics measured an earlier model: it has trained or changed "
            + "since. Run again to compare.");
    private final GridPane table = new GridPane();
    private final Button run;
    private final Button cancel;
    private List<Boolean> staleness = List.of();

    public ProbeView(ProbeViewModel vm, Appearance appearance) {
        this.vm = vm;
        getStyleClass().add("probe-view");
        setSpacing(8);
        setFillWidth(true);
        setMinWidth(260);
        setPrefWidth(360);

        Label title = new Label("Codes as features");
        title.getStyleClass().add("card-title");
        Label explain = new Label("Replace the decoder by a classifier trained on a small labelled set: logistic "
                + "regression on the codes of only N labelled training images, tested on all the test images. "
                + "The same classifier on the raw pixels and on PCA codes of the same size shows what the codes add.");
        explain.getStyleClass().add("muted");
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);

        ChoiceBox<Integer> labelled = new ChoiceBox<>();
        labelled.setId("probe-labelled");
        labelled.getItems().setAll(ProbeViewModel.CHOICES);
        labelled.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : ProbeViewModel.describe(n);
            }

            @Override
            public Integer fromString(String s) {
                return ProbeViewModel.CHOICES.stream().filter(n -> ProbeViewModel.describe(n).equals(s)).findFirst()
                        .orElse(null);
            }
        });
        labelled.valueProperty().bindBidirectional(vm.labelledProperty());
        String labelledTip = "N, how many training images keep their labels: the classifier learns from these only. "
                + "10 is one image per digit.";
        labelled.setTooltip(tooltip(labelledTip));
        labelled.disableProperty().bind(vm.runningProperty());
        Label labelledName = new Label("N =");
        labelledName.getStyleClass().add("form-label");
        labelledName.setLabelFor(labelled);
        run = Icons.button(MaterialDesignP.PLAY, "Run", "Train the three classifiers on the labelled images and "
                + "test them (uses the model as it is now; PCA is fitted first if needed)");
        run.setId("probe-run");
        run.getStyleClass().add("accent-button");
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.runningProperty());
        cancel = Icons.button(MaterialDesignS.STOP, "Cancel", "Stop this run; nothing is added");
        cancel.setId("probe-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        labelledName.setTooltip(tooltip(labelledTip));
        run.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        labelled.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox controls = new HBox(6, labelledName, labelled, gap, run, cancel);
        controls.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(90);
        bar.setMinWidth(60);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label status = new Label();
        status.setId("probe-status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox progressRow = new HBox(8, bar, status);
        progressRow.setAlignment(Pos.CENTER_LEFT);

        Label latestTitle = new Label("Latest run");
        latestTitle.getStyleClass().add("section-title");
        barsCaption.getStyleClass().add("muted");
        barsCaption.setWrapText(true);
        bars = new AccuracyBars(appearance);
        bars.setId("probe-bars");
        bars.setEmptyMessage("Press Run to compare codes, pixels and PCA");

        Label tableTitle = new Label("All runs");
        tableTitle.getStyleClass().add("section-title");
        table.setId("probe-table");
        table.getStyleClass().add("probe-table");
        for (int c = 0; c < 5; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHgrow(Priority.SOMETIMES);
            cc.setFillWidth(true);
            table.getColumnConstraints().add(cc);
        }
        ScrollPane tableScroll = new ScrollPane(table);
        tableScroll.setFitToWidth(true);
        tableScroll.getStyleClass().add("probe-table-scroll");
        tableScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        tableScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        tableScroll.setMinHeight(80);

        staleNote.getStyleClass().add("muted");
        staleNote.setWrapText(true);
        staleNote.managedProperty().bind(staleNote.visibleProperty());
        staleNote.setVisible(false);

        getChildren().addAll(title, explain, controls, progressRow, latestTitle, bars, barsCaption, tableTitle,
                tableScroll, staleNote);
        VBox.setVgrow(tableScroll, Priority.SOMETIMES);

        vm.latestProperty().addListener(o -> refreshLatest());
        vm.rows().addListener((Observable o) -> refreshStaleness(true));
        rebuildTable();
        vm.currentModelProperty().addListener(o -> refreshStaleness(false));
        refreshLatest();
    }

    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        t.setShowDelay(Duration.millis(400));
        return t;
    }

    /** The results table: a header row, then one row per run, newest first (tests read it). */
    public GridPane table() {
        return table;
    }

    /** The bars of the latest run (tests read them). */
    public AccuracyBars bars() {
        return bars;
    }

    /**
     * Lays the table out again. A grid rather than a TableView: its columns take the width their numbers need, so
     * nothing is cut short at a large text scale, and a handful of runs leaves no empty rows behind.
     */
    private void rebuildTable() {
        table.getChildren().clear();
        List<Row> rows = vm.rows();
        Row latest = vm.latestProperty().get();
        int k = latest == null ? -1 : latest.codeSize();
        String[] headers = {"N", k < 0 ? "codes" : "codes\n(k = " + k + ")", "pixels",
            k < 0 ? "PCA" : "PCA\n(k = " + k + ")", "time"};
        for (int c = 0; c < headers.length; c++) {
            Label h = cell(headers[c], c > 0, "probe-header");
            h.setMaxHeight(Double.MAX_VALUE); // one-line headers reach down to the rule under two-line ones
            h.setAlignment(c > 0 ? Pos.BOTTOM_RIGHT : Pos.BOTTOM_LEFT);
            table.add(h, c, 0);
        }
        if (rows.isEmpty()) {
            Label none = new Label("No runs yet");
            none.getStyleClass().addAll("muted", "probe-empty");
            table.add(none, 0, 1, headers.length, 1);
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            boolean stale = !vm.isCurrent(r);
            String sameK = r.codeSize() == k ? "" : " (k = " + r.codeSize() + ")";
            Label[] cells = {
                cell(r.all() ? "all" : ProbeViewModel.describe(r.labelled()), false, "probe-n"),
                accuracy(r.codesAccuracy(), r, sameK),
                accuracy(r.pixelsAccuracy(), r, ""),
                accuracy(r.pcaAccuracy(), r, sameK),
                cell(String.format(Locale.ROOT, "%.1f s", r.seconds()), true, "probe-time")};
            Tooltip tip = tooltip(describeRow(r, stale));
            for (int c = 0; c < cells.length; c++) {
                cells[c].getStyleClass().add("probe-cell");
                cells[c].pseudoClassStateChanged(STALE, stale);
                cells[c].pseudoClassStateChanged(ODD, i % 2 == 1);
                cells[c].setTooltip(tip);
                table.add(cells[c], c, i + 1);
            }
        }
    }

    private static Label cell(String text, boolean right, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setAlignment(right ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        l.setTextAlignment(right ? TextAlignment.RIGHT : TextAlignment.LEFT);
        return l;
    }

    /** An accuracy in percent, bold when it is the best of its row. */
    private static Label accuracy(double a, Row r, String suffix) {
        Label l = cell(String.format(Locale.ROOT, "%.1f%%", 100 * a) + suffix, true, "probe-accuracy");
        l.pseudoClassStateChanged(BEST, a == r.best());
        return l;
    }

    private static String describeRow(Row r, boolean stale) {
        String text = String.format(Locale.ROOT, "%,d labelled images (seed %d); codes: %s, k = %d, at step %,d; %s",
                r.labelled(), r.seed(), r.model(), r.codeSize(), r.step(), r.dataset());
        return stale ? text + ". Measured on an earlier model: it has trained or changed since." : text;
    }

    private void refreshLatest() {
        Row r = vm.latestProperty().get();
        rebuildTable();
        if (r == null) {
            bars.setBars(List.of());
            barsCaption.setText("");
            return;
        }
        bars.setBars(List.of(
                new AccuracyBars.Bar("codes (k = " + r.codeSize() + ")", r.codesAccuracy(), CODES_COLOUR, CODES_DARK),
                new AccuracyBars.Bar("pixels", r.pixelsAccuracy(), PIXELS_COLOUR, PIXELS_DARK),
                new AccuracyBars.Bar("PCA (k = " + r.codeSize() + ")", r.pcaAccuracy(), PCA_COLOUR, PCA_DARK)));
        refreshCaption();
    }

    private void refreshCaption() {
        Row r = vm.latestProperty().get();
        if (r == null) {
            return;
        }
        barsCaption.setText(String.format(Locale.ROOT, "Test accuracy with %s labelled training images%s",
                r.all() ? String.format("all %,d", r.labelled()) : ProbeViewModel.describe(r.labelled()),
                vm.isCurrent(r) ? "." : ", measured on an earlier model."));
    }

    /** Re-styles the rows when one of them changes between current and earlier model (not on every snapshot). */
    private void refreshStaleness(boolean rowsChanged) {
        List<Boolean> now = new ArrayList<>();
        for (Row r : vm.rows()) {
            now.add(!vm.isCurrent(r));
        }
        if (!rowsChanged && now.equals(staleness)) {
            return;
        }
        staleness = now;
        staleNote.setVisible(now.contains(true));
        rebuildTable();
        refreshCaption();
    }
}
