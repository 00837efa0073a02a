package latentlab.ui.training;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import latentlab.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The training panel's speed card: a slider from slow motion to full speed, named paces (slow motion, the lecture
 * pace at which the MNIST map forms in about half a minute, full speed), and an optional pause after a number of
 * epochs.
 */
final class SpeedCard extends VBox {
    private final TrainingViewModel vm;
    private final Label speedLabel = new Label();

    SpeedCard(TrainingViewModel vm) {
        super(6);
        this.vm = vm;
        Label title = new Label("Speed");
        title.getStyleClass().add("card-title");
        Slider speed = new Slider(0, 1, vm.speedProperty().get());
        speed.setId("speed-slider");
        speed.valueProperty().bindBidirectional(vm.speedProperty());
        speed.setTooltip(new Tooltip("Slow motion (left) to full speed (right): slow training down to watch each step"));
        HBox.setHgrow(speed, Priority.ALWAYS);
        HBox row = new HBox(6, Icons.icon(MaterialDesignS.SNAIL), speed, Icons.icon(MaterialDesignR.RABBIT));
        row.setAlignment(Pos.CENTER_LEFT);
        speedLabel.textProperty().bind(Bindings.createStringBinding(() -> describeSpeed(vm.speedProperty().get()),
                vm.speedProperty()));
        speedLabel.getStyleClass().add("muted");
        speedLabel.setWrapText(true);
        // Named paces: one step at a time to talk over, the pace at which the map forms while the class watches,
        // and as fast as the machine goes.
        FlowPane paces = new FlowPane(6, 4, pace("Slow motion", "One minibatch per second: watch single steps "
                + "move the map", TrainingViewModel.SLOWEST), pace("Lecture pace", String.format(Locale.ROOT,
                "%.0f minibatches per second: from random weights the MNIST map forms in about 30 s",
                TrainingViewModel.LECTURE_PACE), TrainingViewModel.LECTURE_PACE),
                pace("Full speed", "As fast as this computer trains", Double.POSITIVE_INFINITY));
        CheckBox stop = new CheckBox("Stop after");
        stop.setId("stop-after");
        Spinner<Integer> epochs = new Spinner<>(1, 999, 1);
        epochs.setId("stop-after-epochs");
        epochs.setEditable(true);
        epochs.setPrefWidth(80);
        epochs.disableProperty().bind(stop.selectedProperty().not());
        Runnable sync = () -> vm.stopAfterEpochsProperty().set(stop.isSelected() ? epochs.getValue() : 0);
        stop.selectedProperty().addListener(o -> sync.run());
        epochs.valueProperty().addListener(o -> sync.run());
        Label unit = new Label("epochs");
        Icons.tooltip(stop, "Pause by itself at the end of that many epochs after Play (an epoch: one pass over "
                + "the training images)");
        HBox stopRow = new HBox(6, stop, epochs, unit);
        stopRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, row, speedLabel, paces, stopRow);
        getStyleClass().add("card");
    }

    /** A button that sets the speed to {@code stepsPerSecond}. */
    private Button pace(String name, String tooltip, double stepsPerSecond) {
        Button b = new Button(name);
        b.getStyleClass().add("pace-button");
        b.setId("pace-" + name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        Icons.tooltip(b, tooltip);
        b.setOnAction(e -> vm.speedProperty().set(TrainingViewModel.positionFor(stepsPerSecond)));
        return b;
    }

    /** "Full speed", "Lecture pace: 15 minibatches per second", "3 minibatches per second". */
    static String describeSpeed(double position) {
        double sps = TrainingViewModel.stepsPerSecond(position);
        if (Double.isInfinite(sps)) {
            return "Full speed";
        }
        String rate = String.format(Locale.ROOT, "%.0f minibatch%s per second", sps, Math.round(sps) == 1 ? "" : "es");
        if (Math.abs(sps - TrainingViewModel.LECTURE_PACE) < 0.5) {
            return "Lecture pace: " + rate;
        }
        return Math.abs(sps - TrainingViewModel.SLOWEST) < 0.05 ? "Slow motion: " + rate : rate;
    }

}
