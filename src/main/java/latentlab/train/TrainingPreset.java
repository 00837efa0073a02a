package latentlab.train;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import latentlab.nn.Architecture;
import latentlab.nn.activation.Activations;
import latentlab.nn.loss.Losses;

/**
 * A named training recipe: the network and everything about how it is trained except the seed and the number of
 * threads. The command line's {@code train --preset ID} takes its values for every option not given explicitly;
 * the window's Training menu sets up the same run.
 *
 * @param id               as on the command line ("hinton2006")
 * @param title            as in the window's menu
 * @param architecture     encoder sizes, input first, code last; the decoder mirrors them
 * @param activation       hidden layers' activation
 * @param codeActivation   the code layer's activation
 * @param outputActivation the output layer's activation
 * @param loss             "bce" or "se"
 * @param optimizer        the optimiser
 * @param learningRate     the base (for one-cycle: the peak) learning rate
 * @param schedule         the learning-rate schedule, as {@link LearningRateSchedule#parse} reads it
 * @param batchSize        images per minibatch
 * @param epochs           how long the recipe trains
 * @param weightDecay      L2 weight decay
 * @param testEvery        how often {@code train} evaluates the test set: after every Nth epoch, and always after the
 *                         last (0: only after the last)
 */
public record TrainingPreset(String id, String title, String architecture, String activation, String codeActivation,
                             String outputActivation, String loss, OptimizerKind optimizer, double learningRate,
                             String schedule, int batchSize, int epochs, double weightDecay,
                             int testEvery) {
    /**
     * Net (c) of Hinton and Salakhutdinov, "Reducing the dimensionality of data with neural networks", Science 313:504
     * (2006), Fig. 2: 784-1000-500-250-30 with a linear code and a logistic output, as in the paper, but trained from
     * random (He) weights by Adam instead of RBM pre-training and conjugate gradients: ELU hidden units (Clevert et
     * al., ICLR 2016, who trained this autoencoder with them), cross-entropy from the logits, L2 weight decay 0.002,
     * and a cosine learning rate from 0.001 to 0.00001 over 23 epochs; the test set is evaluated only at the end, to
     * keep the run within issue 19's time budget. docs/benchmarks.md has what was tried and what it measured.
     */
    public static final TrainingPreset HINTON_2006 = new TrainingPreset("hinton2006", "Hinton & Salakhutdinov 2006",
            "784-1000-500-250-30", "elu", "identity", "sigmoid", "bce", OptimizerKind.ADAM, 0.001, "cosine", 128, 23,
            0.002, 0);

    /** Every preset, for the command line's help and its error message. */
    public static final List<TrainingPreset> ALL = List.of(HINTON_2006);

    public TrainingPreset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        LearningRateSchedule.parse(schedule);
        Activations.byName(activation);
        Activations.byName(codeActivation);
        Activations.byName(outputActivation);
        Losses.byName(loss);
        if (testEvery < 0) {
            throw new IllegalArgumentException("testEvery must be 0 or more, got " + testEvery);
        }
    }

    /** The preset called {@code id} (case-insensitive). */
    public static TrainingPreset byId(String id) {
        for (TrainingPreset p : ALL) {
            if (p.id.equalsIgnoreCase(id.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + id + "' (known: "
                + String.join(", ", ALL.stream().map(TrainingPreset::id).toList()) + ")");
    }

    /** The network for images of {@code d} pixels. */
    public Architecture network(int d) {
        return Architecture.parse(architecture, null, d, Activations.byName(activation),
                Activations.byName(codeActivation), Activations.byName(outputActivation), false);
    }

    /** The run for images of {@code d} pixels with the given seed and thread count. */
    public TrainingConfig config(int d, long seed, int threads) {
        return new TrainingConfig(network(d), Losses.byName(loss), optimizer, learningRate, batchSize, seed, threads,
                weightDecay, 0.9);
    }

    public LearningRateSchedule learningRateSchedule() {
        return LearningRateSchedule.parse(schedule);
    }

    /** The same run written out as {@code train} options, in the order {@code --help} lists them. */
    public List<String> options() {
        return List.of("--arch", architecture, "--activation", activation, "--code-activation", codeActivation,
                "--output-activation", outputActivation, "--loss", loss, "--optimizer", optimizer.id(),
                "--lr", number(learningRate), "--lr-schedule", schedule, "--weight-decay", number(weightDecay),
                "--batch", Integer.toString(batchSize), "--epochs", Integer.toString(epochs),
                "--test-every", Integer.toString(testEvery));
    }

    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e9 ? Long.toString((long) x) : String.format(Locale.ROOT, "%s", x);
    }
}
