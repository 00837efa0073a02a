package latentlab.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bottom line of the window: the status text, a recording indicator, the single-key shortcuts, the running
 * job's progress and its Cancel button.
 */
final class StatusBar extends HBox {
    StatusBar(StatusLine status, Exports exports) {
        super(10);
        Label text = new Label();
        text.textProperty().bind(status.textProperty());
        text.getStyleClass().add("status-text");
        text.setMinWidth(0);
        text.setWrapText(true); // a long line wraps rather than losing its end to "…"
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(status.progressProperty());
        bar.visibleProperty().bind(status.busyProperty());
        bar.setPrefWidth(180);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label keys = new Label("Space play/pause · → step · F fit · T thumbnails · G manifold");
        keys.getStyleClass().add("muted");
        keys.setMinWidth(Region.USE_PREF_SIZE);
        // The keys are a reminder: they give way, whole, when the bar is too narrow for them and the status.
        keys.managedProperty().bind(keys.visibleProperty());
        widthProperty().addListener(o -> keys.setVisible(getWidth() - keys.prefWidth(-1) > 0.55 * getWidth()));
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-job");
        cancel.setOnAction(e -> status.cancelJob());
        cancel.visibleProperty().bind(status.jobProperty().isNotNull());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Label rec = new Label();
        rec.getStyleClass().add("recording");
        rec.textProperty().bind(Bindings.format("● Recording: %d frames", exports.recordedFramesProperty()));
        rec.visibleProperty().bind(exports.recordingProperty());
        rec.managedProperty().bind(rec.visibleProperty());
        getChildren().addAll(text, spacer, rec, keys, bar, cancel);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
    }
}
