package latentlab.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import latentlab.ui.session.Notices;

/**
 * The red banner above the tabs: the latest problem in one line, with a button for each thing the user can do about
 * it, until dismissed or the next action succeeds.
 */
final class ErrorBanner extends HBox {
    ErrorBanner(Notices notices) {
        super(12);
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(notices.errorProperty());
        HBox actions = new HBox(8);
        actions.setAlignment(Pos.CENTER_RIGHT);
        notices.actionsProperty().addListener((o, was, now) -> actions.getChildren().setAll(now.stream().map(a -> {
            Button b = new Button(a.label());
            b.setOnAction(e -> notices.take(a));
            return b;
        }).toList()));
        Button close = new Button("Dismiss");
        close.setOnAction(e -> notices.dismiss());
        getChildren().addAll(text, actions, close);
        HBox.setHgrow(text, Priority.ALWAYS);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("error-banner");
        visibleProperty().bind(notices.errorProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
