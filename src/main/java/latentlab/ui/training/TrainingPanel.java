package latentlab.ui.training;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import javafx.beans.property.DoubleProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import latentlab.train.OptimizerKind;
import latentlab.train.Snapshot;
import latentlab.ui.common.DiscardDialog;

/**
 * The left panel: what training is doing (state, epoch, samples/s, live loss chart), how fast it goes, and the
 * network and learning settings. The learning rate and the speed change live; settings that need a new network
 * say so and ask before discarding training.
 */
public final class TrainingPanel extends VBox {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
    private static final PseudoClass DIVERGED = PseudoClass.getPseudoClass("diverged");
    private final TrainingViewModel vm;
    private final Label state = new Label();
    private final Label counters = new Label();
    private final Label losses = new Label();
    private final ProgressBar epochProgress = new ProgressBar(0);
    private final LossChartView chart;

    public TrainingPanel(TrainingViewModel vm, latentlab.ui.common.Appearance appearance) {
        this.vm = vm;
        this.chart = new LossChartView(appearance);
        getStyleClass().add("training-panel");
        setSpacing(12);
        VBox settings = settingsCard();
        settings.visibleProperty().bind(appearance.hideAdvancedProperty().not());
        settings.managedProperty().bind(settings.visibleProperty());
        getChildren().addAll(progressCard(), new SpeedCard(vm), settings);
        vm.snapshotProperty().addListener((o, a, s) -> show(s));
        show(vm.getSnapshot());
    }

    private VBox progressCard() {
        Label title = new Label("Training");
        title.getStyleClass().add("card-title");
        state.getStyleClass().add("training-state");
        HBox head = new HBox(8, title, state);
        head.setAlignment(Pos.BASELINE_LEFT);
        counters.getStyleClass().add("muted");
        counters.setWrapText(true); // architecture · epoch · step · speed: a second line rather than an ellipsis
        losses.setWrapText(true);
        epochProgress.setMaxWidth(Double.MAX_VALUE);
        epochProgress.setTooltip(new Tooltip("Progress through the current epoch (one pass over the training images)"));
        Label message = new Label();
        message.setWrapText(true);
        message.getStyleClass().add("training-message");
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        VBox card = new VBox(6, head, counters, epochProgress, losses, chart, message);
        card.getStyleClass().add("card");
        return card;
    }

    private VBox settingsCard() {
        TrainingSettings s = vm.settings();
        Label title = new Label("Network and learning");
        title.getStyleClass().add("card-title");

        TextField hidden = new TextField();
        hidden.setId("hidden-layers");
        hidden.textProperty().bindBidirectional(s.hiddenLayersProperty());
        hidden.setTooltip(new Tooltip("Sizes of the encoder's hidden layers, e.g. 256-64; the decoder mirrors them. "
                + "Empty: a single layer each way."));
        hidden.setPrefColumnCount(8);

        Spinner<Integer> k = new Spinner<>(1, 64, s.latentSizeProperty().get());
        k.setId("latent-size");
        k.setEditable(true);
        k.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                s.latentSizeProperty().set(b);
            }
        });
        s.latentSizeProperty().addListener((o, a, b) -> k.getValueFactory().setValue(b.intValue()));
        k.setTooltip(new Tooltip("k, the size of the code: the bottleneck the images are squeezed through"));
        k.setPrefWidth(80);

        ComboBox<String> activation = new ComboBox<>();
        activation.getItems().setAll(TrainingSettings.ACTIVATIONS);
        activation.valueProperty().bindBidirectional(s.activationProperty());
        activation.setTooltip(new Tooltip("Non-linearity of the hidden layers (the code layer is linear, the output "
                + "a sigmoid)"));

        ComboBox<String> loss = new ComboBox<>();
        loss.getItems().setAll(TrainingSettings.LOSSES);
        loss.setConverter(new StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null ? "" : v.equals("bce") ? "cross-entropy" : v.equals("se") ? "squared error" : v;
            }

            @Override
            public String fromString(String v) {
                return v;
            }
        });
        loss.valueProperty().bindBidirectional(s.lossProperty());
        loss.setTooltip(new Tooltip("Reconstruction loss, summed over pixels: per-pixel cross-entropy or squared error"));

        ComboBox<OptimizerKind> optimizer = new ComboBox<>();
        optimizer.getItems().setAll(OptimizerKind.values());
        optimizer.valueProperty().bindBidirectional(s.optimizerProperty());
        optimizer.setTooltip(new Tooltip("How the weights follow the gradient: Adam adapts the step per weight"));

        ComboBox<String> lr = new ComboBox<>();
        lr.setId("learning-rate");
        lr.setEditable(true);
        lr.getItems().setAll(List.of("0.0001", "0.0003", "0.001", "0.003", "0.01", "0.03", "0.1"));
        lr.setValue(format(s.learningRateProperty().get()));
        lr.setTooltip(new Tooltip("Step size of gradient descent; changes take effect immediately while training"));
        lr.valueProperty().addListener((o, a, b) -> applyLearningRate(lr, b));
        s.learningRateProperty().addListener((o, a, b) -> {
            if (!format(b.doubleValue()).equals(lr.getValue())) {
                lr.setValue(format(b.doubleValue()));
            }
        });
        lr.setPrefWidth(110);

        ComboBox<Integer> batch = new ComboBox<>();
        batch.getItems().setAll(TrainingSettings.BATCH_SIZES);
        batch.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                s.batchSizeProperty().set(b);
            }
        });
        batch.setValue(s.batchSizeProperty().get());
        s.batchSizeProperty().addListener((o, a, b) -> batch.setValue(b.intValue()));
        batch.setTooltip(new Tooltip("Images per minibatch gradient step"));

        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, s.seedProperty().get());
        seed.setEditable(true);
        seed.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                s.seedProperty().set(b);
            }
        });
        s.seedProperty().addListener((o, a, b) -> seed.getValueFactory().setValue(b.intValue()));
        seed.setTooltip(new Tooltip("Seed of the initial weights and the batch order: same seed, same run"));
        seed.setPrefWidth(90);

        CheckBox linear = new CheckBox("Linear autoencoder (identity activations, squared error)");
        linear.setWrapText(true);
        linear.selectedProperty().bindBidirectional(booleanOf(s));
        linear.setTooltip(new Tooltip("With linear encoder and decoder the best code spans PCA's subspace"));
        activation.disableProperty().bind(linear.selectedProperty());
        loss.disableProperty().bind(linear.selectedProperty());

        CheckBox vae = new CheckBox("Variational autoencoder (VAE)");
        vae.setId("variational");
        vae.setSelected(Boolean.TRUE.equals(s.variationalProperty().get()));
        vae.selectedProperty().addListener((o, a, b) -> s.variationalProperty().set(b));
        s.variationalProperty().addListener((o, a, b) -> vae.setSelected(Boolean.TRUE.equals(b)));
        vae.setTooltip(new Tooltip("Each code becomes a distribution (a mean and a variance); the loss adds beta times how "
                + "far it is from N(0, I), so the whole latent space can be sampled to generate new digits"));
        ComboBox<String> beta = new ComboBox<>();
        beta.setId("beta");
        beta.setEditable(true);
        beta.getItems().setAll(List.of("0", "0.1", "0.5", "1", "2", "4", "10"));
        beta.setValue(format(s.betaProperty().get()));
        beta.setPrefWidth(110);
        beta.setTooltip(new Tooltip("Weight of the KL term: 0 is a plain autoencoder with noise, 1 the variational bound, "
                + "more pulls the codes towards N(0, I); changes take effect immediately"));
        beta.valueProperty().addListener((o, a, b) -> {
            try {
                double v = Double.parseDouble(b.trim());
                latentlab.train.TrainingConfig.checkBeta(v);
                beta.getEditor().pseudoClassStateChanged(INVALID, false);
                s.betaProperty().set(v);
            } catch (RuntimeException e) {
                beta.getEditor().pseudoClassStateChanged(INVALID, true);
            }
        });
        s.betaProperty().addListener((o, a, b) -> {
            if (!format(b.doubleValue()).equals(beta.getValue())) {
                beta.setValue(format(b.doubleValue()));
            }
        });
        Label betaLabel = label("KL weight β");
        HBox betaRow = new HBox(8, betaLabel, beta);
        betaRow.setAlignment(Pos.CENTER_LEFT);
        betaRow.visibleProperty().bind(vae.selectedProperty());
        betaRow.managedProperty().bind(betaRow.visibleProperty());

        ComboBox<String> corruption = offOrNumber("corruption", List.of("0.1", "0.25", "0.5"), s.corruptionProperty(),
                latentlab.train.TrainingConfig::checkCorruption, "Denoising: while training, each input pixel is "
                + "blanked with this probability and the network must still rebuild the clean digit; changes take "
                + "effect immediately");
        ComboBox<String> decay = offOrNumber("weight-decay", List.of("0.0001", "0.0005", "0.001", "0.002"),
                s.weightDecayProperty(), latentlab.nn.optim.Optimizer::checkWeightDecay, "L2 weight decay λ: each step "
                + "also pulls every weight towards 0 by λ times the weight, which keeps a big network from fitting the "
                + "training images' noise; needs a new network");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-grid");
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, label("Hidden layers"), hidden);
        grid.addRow(1, label("Code size k"), k);
        grid.addRow(2, label("Activation"), activation);
        grid.addRow(3, label("Loss"), loss);
        grid.addRow(4, label("Optimizer"), optimizer);
        grid.addRow(5, label("Learning rate"), lr);
        grid.addRow(6, label("Batch size"), batch);
        grid.addRow(7, label("Seed"), seed);
        grid.addRow(8, label("Input noise"), corruption);
        grid.addRow(9, label("Weight decay"), decay);

        Button apply = new Button("Apply: start a new network");
        apply.setId("apply-settings");
        apply.setMaxWidth(Double.MAX_VALUE);
        apply.disableProperty().bind(vm.settingsChangedProperty().not().or(vm.settingsErrorProperty().isNotNull()));
        apply.setOnAction(e -> confirmApply());
        Label changed = new Label("These settings need a new network; training so far will be discarded.");
        changed.setWrapText(true);
        changed.getStyleClass().add("muted");
        changed.visibleProperty().bind(vm.settingsChangedProperty().and(vm.settingsErrorProperty().isNull()));
        changed.managedProperty().bind(changed.visibleProperty());
        Label error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add("form-error");
        error.textProperty().bind(vm.settingsErrorProperty());
        error.visibleProperty().bind(vm.settingsErrorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        vm.settingsErrorProperty().addListener((o, a, b) -> hidden.pseudoClassStateChanged(INVALID, b != null));

        VBox card = new VBox(8, title, grid, linear, vae, betaRow, changed, error, apply);
        card.getStyleClass().add("card");
        return card;
    }

    private static javafx.beans.property.BooleanProperty booleanOf(TrainingSettings s) {
        javafx.beans.property.BooleanProperty b = new javafx.beans.property.SimpleBooleanProperty(
                Boolean.TRUE.equals(s.linearProperty().get()));
        b.addListener((o, x, y) -> s.linearProperty().set(y));
        s.linearProperty().addListener((o, x, y) -> b.set(Boolean.TRUE.equals(y)));
        return b;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-label");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static String format(double v) {
        return TrainingReadout.plain(v);
    }

    private void applyLearningRate(ComboBox<String> box, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!(v > 0 && v <= 10)) {
                throw new NumberFormatException();
            }
            box.getEditor().pseudoClassStateChanged(INVALID, false);
            vm.settings().learningRateProperty().set(v);
        } catch (RuntimeException e) {
            box.getEditor().pseudoClassStateChanged(INVALID, true);
            box.setTooltip(new Tooltip("A learning rate is a number between 0 and 10, such as 0.001"));
        }
    }

    private void confirmApply() {
        if (vm.applyDiscardsProgress() && !DiscardDialog.confirm(this, "Start a new network?",
                vm.getSnapshot().step(), "Start a new network with the new settings and discard it?")) {
            return;
        }
        vm.applySettings();
    }

    /** The loss chart (the window binds another run's curve to it). */
    public LossChartView lossChart() {
        return chart;
    }

    private void show(Snapshot s) {
        TrainingReadout r = TrainingReadout.of(s);
        state.setText(r.state());
        state.pseudoClassStateChanged(RUNNING, r.running());
        state.pseudoClassStateChanged(DIVERGED, r.diverged());
        counters.setText(r.counters());
        epochProgress.setProgress(r.epochFraction());
        losses.setText(r.losses());
        chart.show(s);
    }

    /**
     * An editable choice of a number that 0 turns off, kept in step with {@code p} both ways; text that
     * {@code check} refuses is marked invalid and leaves {@code p} as it was.
     */
    private static ComboBox<String> offOrNumber(String id, List<String> values, DoubleProperty p,
                                                DoubleUnaryOperator check, String tip) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(offText(0));
        box.getItems().addAll(values);
        box.setValue(offText(p.get()));
        box.setEditable(true);
        box.setPrefWidth(110);
        box.setTooltip(new Tooltip(tip));
        box.valueProperty().addListener((o, a, b) -> {
            try {
                double v = Double.parseDouble(b.replace("(off)", "").trim());
                check.applyAsDouble(v);
                box.getEditor().pseudoClassStateChanged(INVALID, false);
                p.set(v);
            } catch (RuntimeException e) {
                box.getEditor().pseudoClassStateChanged(INVALID, true);
            }
        });
        p.addListener((o, a, b) -> {
            if (!offText(b.doubleValue()).equals(box.getValue())) {
                box.setValue(offText(b.doubleValue()));
            }
        });
        return box;
    }

    private static String offText(double v) {
        return v == 0 ? "0 (off)" : format(v);
    }
}
