package latentlab.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import latentlab.ui.common.Icons;
import latentlab.ui.training.TrainingViewModel;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The toolbar: open a data set; Play/Pause, Step, Epoch and Reset; sample digits from the prior. */
final class MainToolBar extends ToolBar {
    MainToolBar(TrainingViewModel t, StatusLine status, WindowActions actions) {
        Label brand = new Label("Latent Lab");
        brand.getStyleClass().add("brand");
        brand.setGraphic(Icons.icon(MaterialDesignA.ALPHA_L_BOX));
        Button open = Icons.button(MaterialDesignF.FOLDER_OPEN, "Open data set…",
                "Open a folder with the four IDX files (train/t10k images and labels, optionally gzipped)");
        open.setOnAction(e -> actions.openDataFolder());
        open.disableProperty().bind(status.busyProperty());

        FontIcon playIcon = Icons.icon(MaterialDesignP.PLAY);
        Button play = new Button("Play", playIcon);
        play.setId("play");
        play.getStyleClass().add("accent-button");
        play.textProperty().bind(Bindings.when(t.runningProperty()).then("Pause").otherwise("Play"));
        t.runningProperty().addListener((o, was, now) -> playIcon.setIconCode(now ? MaterialDesignP.PAUSE
                : MaterialDesignP.PLAY));
        Icons.tooltip(play, "Start or pause training (Space)");
        play.setOnAction(e -> t.playPause());
        Button step = Icons.button(MaterialDesignS.SKIP_NEXT, "Step", "Train on one minibatch (→)");
        step.setId("step-batch");
        step.setOnAction(e -> t.stepBatch());
        Button epoch = Icons.button(MaterialDesignS.SKIP_FORWARD, "Epoch", "Train to the end of the epoch (Shift+→)");
        epoch.setId("step-epoch");
        epoch.setOnAction(e -> t.stepEpoch());
        Button reset = Icons.button(MaterialDesignR.RESTART, "Reset", "Start again from the initial weights (same seed)");
        reset.setId("reset");
        reset.setOnAction(e -> actions.confirmReset());
        Button sample = Icons.button(MaterialDesignD.DICE_MULTIPLE, "Sample",
                "Generate new digits: decode codes drawn from N(0, I) (meaningful for a VAE)");
        sample.setId("sample");
        sample.setOnAction(e -> actions.showSamples());
        for (Button b : new Button[] {play, reset, sample}) {
            b.disableProperty().bind(t.readyProperty().not());
        }
        // Single steps while training runs would be lost in it.
        for (Button b : new Button[] {step, epoch}) {
            b.disableProperty().bind(t.readyProperty().not().or(t.runningProperty()));
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getItems().addAll(brand, new Separator(), open, new Separator(), play, step, epoch, reset, new Separator(),
                sample, spacer);
    }
}
