package latentlab.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The built-in guide: encoder, decoder, bottleneck, reconstruction loss and PCA in plain words, from
 * {@code /latentlab/help/guide.txt} ("# " starts a heading, blank lines separate paragraphs).
 */
public final class GuideWindow {
    private static Stage stage;

    private GuideWindow() {
    }

    /** Shows the guide (one window, brought to the front if already open). */
    public static void show(Window owner, Scene styleFrom) {
        if (stage == null) {
            stage = new Stage();
            stage.setTitle("Latent Lab — guide");
            VBox content = new VBox(8);
            content.getStyleClass().add("guide");
            content.setPadding(new Insets(20, 24, 24, 24));
            for (String block : text().split("\\n\\s*\\n")) {
                String b = block.strip();
                if (b.isEmpty()) {
                    continue;
                }
                Label l = new Label(b.startsWith("# ") ? b.substring(2) : b);
                l.setWrapText(true);
                l.getStyleClass().add(b.startsWith("# ") ? "guide-heading" : "guide-text");
                content.getChildren().add(l);
            }
            ScrollPane scroll = new ScrollPane(content);
            scroll.setFitToWidth(true);
            Scene scene = new Scene(scroll, 640, 720);
            stage.setScene(scene);
            if (owner != null) {
                stage.initOwner(owner);
            }
        }
        stage.getScene().getStylesheets().setAll(styleFrom.getStylesheets());
        stage.getScene().getRoot().setStyle(styleFrom.getRoot().getStyle());
        stage.show();
        stage.toFront();
    }

    /** The guide's text. */
    public static String text() {
        try (InputStream in = GuideWindow.class.getResourceAsStream("/latentlab/help/guide.txt")) {
            return in == null ? "The guide is missing from this build." : new String(in.readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "The guide could not be read: " + e.getMessage();
        }
    }
}
