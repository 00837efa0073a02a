package latentlab.ui.training;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import latentlab.train.Timeline;

/**
 * The comparison's controls beside the run tree: which other run to compare with (its loss curve goes into the
 * chart) and whether the map shows the two runs side by side.
 */
final class RunCompareBar extends HBox {
    /** The "no comparison" entry of the list. */
    private static final RunsViewModel.Run NONE = new RunsViewModel.Run(-1, null, "", null, Timeline.NONE);

    private final RunsViewModel runs;
    private final RunComparison vm;
    private final ObservableList<RunsViewModel.Run> choices = FXCollections.observableArrayList();
    private final ComboBox<RunsViewModel.Run> pick = new ComboBox<>(choices);
    private boolean filling;

    RunCompareBar(RunsViewModel runs, RunComparison vm) {
        this.runs = runs;
        this.vm = vm;
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        pick.getStyleClass().add("timeline-compare");
        pick.setId("compare-run");
        pick.setTooltip(new Tooltip("Overlay another run's loss curve in the chart (dashed), and show its map beside "
                + "this one's"));
        pick.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunsViewModel.Run r) {
                return r == null || r.id() < 0 ? "none" : r.name();
            }

            @Override
            public RunsViewModel.Run fromString(String s) {
                return null;
            }
        });
        pick.setMinWidth(Region.USE_PREF_SIZE);
        pick.setOnAction(e -> {
            if (!filling) {
                RunsViewModel.Run r = pick.getValue();
                vm.compareWith(r == null ? -1 : r.id());
            }
        });
        CheckBox sideBySide = new CheckBox("Side by side");
        sideBySide.setId("compare-side-by-side");
        sideBySide.setMinWidth(Region.USE_PREF_SIZE);
        sideBySide.setTooltip(new Tooltip("Show the two runs' maps side by side at the step shown (the other run's "
                + "from its kept moment nearest that step)"));
        sideBySide.selectedProperty().bindBidirectional(vm.sideBySideProperty());
        sideBySide.disableProperty().bind(vm.otherProperty().lessThan(0));
        Label label = new Label("Compare with");
        label.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(label, pick, sideBySide);
        runs.runs().addListener((ListChangeListener<RunsViewModel.Run>) c -> fill());
        runs.activeProperty().addListener(o -> fill());
        vm.otherProperty().addListener(o -> fill());
        fill();
    }

    /** The runs other than the live one, and "none"; the one compared with selected. */
    private void fill() {
        filling = true;
        try {
            choices.setAll(NONE);
            RunsViewModel.Run selected = NONE;
            int active = runs.activeProperty().get();
            for (int i = 0; i < runs.runs().size(); i++) {
                RunsViewModel.Run r = runs.runs().get(i);
                if (i != active) {
                    choices.add(r);
                    if (r.id() == vm.otherProperty().get()) {
                        selected = r;
                    }
                }
            }
            pick.setValue(selected);
        } finally {
            filling = false;
        }
    }
}
