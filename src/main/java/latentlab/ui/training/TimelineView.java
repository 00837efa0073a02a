package latentlab.ui.training;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import latentlab.train.LossTrace;
import latentlab.train.Moment;
import latentlab.train.Snapshot;
import latentlab.train.Timeline;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.Theme;

/**
 * The timeline under the map: the run's loss as the background, a tick for every kept moment, the moment shown;
 * dragging over it shows the nearest kept moment, "Live" returns to the present, the arrows (and the , and . keys)
 * step through the moments. Steps run on a logarithmic axis, as the moments are spread. Binds and lays out; the
 * state is the {@link TimelineViewModel}'s.
 */
public final class TimelineView extends VBox {
    private static final double STRIP_HEIGHT = 44;
    private final TimelineViewModel vm;
    private final Appearance look;
    private final Canvas canvas = new Canvas();
    private final Pane strip = new Pane(canvas);

    private boolean showingRuns;

    public TimelineView(TimelineViewModel vm, RunsViewModel runs, RunComparison compare, Appearance look) {
        this.vm = vm;
        this.look = look;
        getStyleClass().add("timeline");
        // Nothing to scrub until training has kept two moments: until then the map keeps the room.
        visibleProperty().bind(vm.scrubbableProperty());
        managedProperty().bind(visibleProperty());
        setSpacing(4);
        setPadding(new Insets(4, 8, 6, 8));
        strip.setMinHeight(STRIP_HEIGHT);
        strip.setPrefHeight(STRIP_HEIGHT);
        canvas.widthProperty().bind(strip.widthProperty());
        canvas.heightProperty().bind(strip.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        strip.setOnMousePressed(this::scrub);
        strip.setOnMouseDragged(this::scrub);

        Tooltip tip = new Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.concat("Drag to see the map as it was (steps on a log "
                + "scale from the first kept moment). ", vm.budgetProperty()));
        Tooltip.install(strip, tip);
        Button back = new Button("◀");
        back.setTooltip(new Tooltip("One kept moment back (,)"));
        back.setOnAction(e -> vm.previous());
        Button on = new Button("▶");
        on.setTooltip(new Tooltip("One kept moment on (.)"));
        on.setOnAction(e -> vm.next());
        Button live = new Button("Live");
        live.getStyleClass().add("timeline-live");
        live.setTooltip(new Tooltip("Back to the present"));
        live.setOnAction(e -> vm.goLive());
        live.disableProperty().bind(vm.liveProperty());
        Label caption = new Label();
        caption.getStyleClass().add("timeline-caption");
        caption.textProperty().bind(javafx.beans.binding.Bindings.when(vm.liveProperty())
                .then(javafx.beans.binding.Bindings.concat("Live · ", vm.budgetProperty()))
                .otherwise(vm.captionProperty()));
        caption.setMinWidth(0);
        HBox.setHgrow(caption, Priority.ALWAYS);
        for (Button b : new Button[] {back, on, live}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Button branch = new Button("Train from here");
        branch.getStyleClass().add("timeline-branch");
        branch.setMinWidth(Region.USE_PREF_SIZE);
        branch.setTooltip(new Tooltip("Train a branch from the moment shown with the panel's settings (learning rate, "
                + "β, optimiser, corruption, batch size); the run shown is kept"));
        branch.setOnAction(e -> runs.trainFromHere());
        branch.disableProperty().bind(vm.liveProperty().or(runs.busyProperty()));
        CheckBox align = new CheckBox("Align moments (display only)");
        align.setId("timeline-align");
        align.setMinWidth(Region.USE_PREF_SIZE);
        align.setTooltip(new Tooltip("Turn each kept moment's map (and the other run's, side by side) to the live "
                + "map's orientation, so that a map that rotates or flips while it trains does not jump "
                + "(orthogonal Procrustes). For display only: the codes shown are no longer the network's own; the "
                + "decoder's sliders and the backdrop still use the network's."));
        align.selectedProperty().bindBidirectional(vm.alignProperty());
        HBox controls = new HBox(6, back, on, live, branch, align, caption);
        controls.setAlignment(Pos.CENTER_LEFT);

        ComboBox<RunsViewModel.Run> tree = new ComboBox<>(runs.runs());
        tree.getStyleClass().add("timeline-runs");
        tree.setTooltip(new Tooltip("The runs of this session: pick one to take it up again where it was"));
        tree.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(tree, Priority.ALWAYS);
        Label problem = new Label();
        problem.getStyleClass().add("timeline-problem");
        problem.textProperty().bind(runs.problemProperty());
        problem.visibleProperty().bind(runs.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        HBox runRow = new HBox(6, new Label("Runs"), tree, new RunCompareBar(runs, compare));
        runRow.setAlignment(Pos.CENTER_LEFT);
        runRow.visibleProperty().bind(javafx.beans.binding.Bindings.size(runs.runs()).greaterThan(1));
        runRow.managedProperty().bind(runRow.visibleProperty());
        tree.setOnAction(e -> {
            if (!showingRuns && tree.getSelectionModel().getSelectedIndex() >= 0) {
                runs.switchTo(tree.getSelectionModel().getSelectedIndex());
            }
        });
        Runnable select = () -> {
            showingRuns = true;
            tree.getSelectionModel().select(runs.activeProperty().get());
            showingRuns = false;
        };
        runs.activeProperty().addListener(o -> select.run());
        runs.runs().addListener((javafx.collections.ListChangeListener<RunsViewModel.Run>) c -> select.run());
        getChildren().addAll(strip, controls, runRow, problem);

        vm.liveSnapshotProperty().addListener(o -> draw());
        vm.timelineProperty().addListener(o -> draw());
        vm.indexProperty().addListener(o -> draw());
        look.themeProperty().addListener(o -> draw());
    }

    /** The largest step on the axis: the present. */
    private long maxStep() {
        Snapshot s = vm.liveSnapshotProperty().get();
        Timeline t = vm.timelineProperty().get();
        long max = s == null ? 0 : s.step();
        if (!t.isEmpty()) {
            max = Math.max(max, t.moments().get(t.moments().size() - 1).step());
        }
        return Math.max(1, max);
    }

    /** The step where the axis starts: the first kept moment (a resumed run's history starts late). */
    private long origin() {
        Timeline t = vm.timelineProperty().get();
        return t.isEmpty() ? 0 : t.moments().get(0).step();
    }

    /** x = log(1 + step - origin) / log(1 + max - origin), across the strip. */
    private double x(long step, double w) {
        long o = origin();
        return 1 + Math.log1p(Math.max(0, step - o)) / Math.log1p(Math.max(1, maxStep() - o)) * (w - 2);
    }

    private void scrub(MouseEvent e) {
        double w = canvas.getWidth();
        double f = Math.max(0, Math.min(1, (e.getX() - 1) / Math.max(1, w - 2)));
        long o = origin();
        vm.showStep(o + Math.round(Math.expm1(f * Math.log1p(Math.max(1, maxStep() - o)))));
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < 10 || h < 10) {
            return;
        }
        Theme theme = look.getTheme();
        boolean dark = theme == Theme.DARK;
        g.setFill(Theme.color(theme.plotBackground()));
        g.fillRect(0, 0, w, h);
        Snapshot s = vm.liveSnapshotProperty().get();
        if (s != null) {
            drawLoss(g, s.batchLosses(), w, h, dark ? Color.web("#2f4470") : Color.web("#c9d6f3"));
        }
        Timeline t = vm.timelineProperty().get();
        g.setStroke(theme.tick());
        g.setLineWidth(1);
        for (Moment m : t.moments()) {
            double x = Math.round(x(m.step(), w)) + 0.5;
            g.strokeLine(x, h - (m.keyframe() ? 12 : 7), x, h);
        }
        int i = vm.indexProperty().get();
        if (i >= 0 && i < t.moments().size()) {
            double x = x(t.moments().get(i).step(), w);
            g.setStroke(dark ? Color.web("#ffa560") : Color.web("#d55e00"));
            g.setLineWidth(3);
            g.strokeLine(x, 0, x, h);
        }
        g.setStroke(theme.frame());
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
    }

    /** The mean loss of the steps in each pixel column, as a filled area (higher loss, taller). */
    private void drawLoss(GraphicsContext g, LossTrace.View losses, double w, double h, Color fill) {
        int cols = (int) w;
        double[] sum = new double[cols];
        int[] count = new int[cols];
        long o = origin();
        for (int k = 0; k < losses.length(); k++) {
            if (losses.step(k) < o) {
                continue;
            }
            int c = (int) Math.min(cols - 1, Math.max(0, x(losses.step(k), w)));
            float v = losses.value(k);
            if (Float.isFinite(v)) {
                sum[c] += v;
                count[c]++;
            }
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < cols; c++) {
            if (count[c] > 0) {
                double m = sum[c] / count[c];
                lo = Math.min(lo, m);
                hi = Math.max(hi, m);
            }
        }
        if (!(hi > lo)) {
            return;
        }
        g.setFill(fill);
        double last = Double.NaN;
        for (int c = 0; c < cols; c++) {
            double m = count[c] > 0 ? sum[c] / count[c] : last;
            if (Double.isNaN(m)) {
                continue;
            }
            last = m;
            double top = 4 + (hi - m) / (hi - lo) * (h - 8);
            g.fillRect(c, top, 1, h - top);
        }
    }
}
