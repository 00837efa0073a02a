package latentlab.ui.training;

import java.util.List;

import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import latentlab.compute.ComputePool;
import latentlab.nn.Architecture;
import latentlab.nn.activation.Activations;
import latentlab.nn.loss.Losses;
import latentlab.train.OptimizerKind;
import latentlab.train.TrainingConfig;
import latentlab.train.TrainingPreset;

/**
 * The hyper-parameters as the training panel edits them. {@link #toConfig(int)} turns them into a validated
 * {@link TrainingConfig} (or an IllegalArgumentException whose message the panel shows).
 */
public final class TrainingSettings {
    /** Batch sizes offered in the panel. */
    public static final List<Integer> BATCH_SIZES = List.of(16, 32, 64, 128, 256, 512, 1024);
    /** Hidden activations offered. */
    public static final List<String> ACTIVATIONS = Activations.names();
    /** Losses offered. */
    public static final List<String> LOSSES = Losses.names();

    private final StringProperty hiddenLayers = new SimpleStringProperty(this, "hiddenLayers", "256-64");
    private final IntegerProperty latentSize = new SimpleIntegerProperty(this, "latentSize", 2);
    private final ObjectProperty<String> activation = new SimpleObjectProperty<>(this, "activation", "relu");
    private final ObjectProperty<String> loss = new SimpleObjectProperty<>(this, "loss", "bce");
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(this, "optimizer",
            OptimizerKind.ADAM);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 1e-3);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", 128);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 1);
    private final ObjectProperty<Boolean> linear = new SimpleObjectProperty<>(this, "linear", false);
    private final ObjectProperty<Boolean> variational = new SimpleObjectProperty<>(this, "variational", false);
    private final DoubleProperty beta = new SimpleDoubleProperty(this, "beta", 1.0);
    private final DoubleProperty corruption = new SimpleDoubleProperty(this, "corruption", 0);
    private final DoubleProperty weightDecay = new SimpleDoubleProperty(this, "weightDecay", 0);

    /** Encoder hidden layer sizes, e.g. "256-64" (empty: none); the decoder mirrors them. */
    public StringProperty hiddenLayersProperty() {
        return hiddenLayers;
    }

    /** k, the code size. */
    public IntegerProperty latentSizeProperty() {
        return latentSize;
    }

    /** Hidden-layer activation name. */
    public ObjectProperty<String> activationProperty() {
        return activation;
    }

    /** "bce" or "se". */
    public ObjectProperty<String> lossProperty() {
        return loss;
    }

    public ObjectProperty<OptimizerKind> optimizerProperty() {
        return optimizer;
    }

    /** Changes live while training. */
    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    /**
     * Linear autoencoder: identity activations everywhere and squared error (the setting in which the optimum is
     * PCA's subspace).
     */
    public ObjectProperty<Boolean> linearProperty() {
        return linear;
    }

    /** A variational autoencoder: codes are distributions, the loss adds beta times their KL from N(0, I). */
    public ObjectProperty<Boolean> variationalProperty() {
        return variational;
    }

    /** Weight of the VAE's KL term; changes live while training. */
    public DoubleProperty betaProperty() {
        return beta;
    }

    /** Denoising: probability that an input pixel is zeroed during training; changes live. */
    public DoubleProperty corruptionProperty() {
        return corruption;
    }

    /** L2 weight decay λ: the optimiser's gradient gets λ w added (0: off); a new network's setting. */
    public DoubleProperty weightDecayProperty() {
        return weightDecay;
    }

    /** The properties whose change needs a new network (everything but the learning rate and beta). */
    public Observable[] structural() {
        return new Observable[] {hiddenLayers, latentSize, activation, loss, optimizer, batchSize, seed, linear,
            variational, weightDecay};
    }

    /**
     * Sets the network and the optimiser to a preset's, for inputs of size {@code d}: plain (not linear, not
     * variational, no input noise), its hidden layers, code size, activation, loss, optimiser, learning rate,
     * batch size and weight decay. The seed stays.
     */
    public void setFrom(TrainingPreset p, int d) {
        int[] sizes = p.network(d).encoderSizes();
        StringBuilder hidden = new StringBuilder();
        for (int i = 1; i < sizes.length - 1; i++) {
            hidden.append(i > 1 ? "-" : "").append(sizes[i]);
        }
        linearProperty().set(false);
        variationalProperty().set(false);
        corruptionProperty().set(0);
        weightDecayProperty().set(p.weightDecay());
        hiddenLayersProperty().set(hidden.toString());
        latentSizeProperty().set(sizes[sizes.length - 1]);
        activationProperty().set(p.activation());
        lossProperty().set(p.loss());
        optimizerProperty().set(p.optimizer());
        learningRateProperty().set(p.learningRate());
        batchSizeProperty().set(p.batchSize());
    }

    /**
     * The configuration for images of {@code d} pixels.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public TrainingConfig toConfig(int d) {
        String hidden = hiddenLayers.get() == null ? "" : hiddenLayers.get().trim().replaceAll("[,\\s]+", "-");
        int k = latentSize.get();
        String spec = "d" + (hidden.isEmpty() ? "" : "-" + hidden) + "-" + k;
        boolean lin = Boolean.TRUE.equals(linear.get());
        var hiddenAct = Activations.byName(lin ? "identity" : activation.get());
        var out = Activations.byName(lin ? "identity" : "sigmoid");
        Architecture a = Architecture.parse(spec, null, d, hiddenAct, Activations.byName("identity"), out,
                Boolean.TRUE.equals(variational.get()));
        return new TrainingConfig(a, Losses.byName(lin ? "se" : loss.get()), optimizer.get(), learningRate.get(),
                batchSize.get(), seed.get(), ComputePool.defaultThreads(), weightDecay.get(), 0.9, beta.get(),
                corruption.get());
    }

    /** Shows the settings of an existing run (a loaded model). */
    public void load(TrainingConfig c) {
        Architecture a = c.architecture();
        int[] enc = a.encoderSizes();
        StringBuilder hidden = new StringBuilder();
        for (int i = 1; i < enc.length - 1; i++) {
            hidden.append(i > 1 ? "-" : "").append(enc[i]);
        }
        hiddenLayers.set(hidden.toString());
        latentSize.set(a.latentSize());
        linear.set(a.isLinear());
        variational.set(a.isVariational());
        beta.set(c.beta());
        corruption.set(c.corruption());
        weightDecay.set(c.weightDecay());
        activation.set(a.hidden().name());
        loss.set(c.loss().name());
        optimizer.set(c.optimizer());
        learningRate.set(c.learningRate());
        batchSize.set(c.batchSize());
        seed.set((int) c.seed());
    }
}
