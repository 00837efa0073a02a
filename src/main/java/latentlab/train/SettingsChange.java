package latentlab.train;

/**
 * The settings that may change while a run trains, as they were from the step after {@code step} on. A history keeps
 * every change, so replaying the steps between two moments uses the settings the run used.
 *
 * @param step         the steps taken when the settings took effect
 * @param learningRate learning rate
 * @param weightDecay  L2 weight decay
 * @param beta         weight of a VAE's KL term
 * @param corruption   denoising input corruption
 */
public record SettingsChange(long step, double learningRate, double weightDecay, double beta, double corruption) {

    /** The live settings of {@code c}, from step {@code step} on. */
    static SettingsChange of(long step, TrainingConfig c) {
        return new SettingsChange(step, c.learningRate(), c.weightDecay(), c.beta(), c.corruption());
    }

    /** Whether {@code c} has these settings. */
    boolean matches(TrainingConfig c) {
        return learningRate == c.learningRate() && weightDecay == c.weightDecay() && beta == c.beta()
                && corruption == c.corruption();
    }

    /** {@code c} with these settings. */
    TrainingConfig applyTo(TrainingConfig c) {
        return c.withLearningRate(learningRate).withWeightDecay(weightDecay).withBeta(beta).withCorruption(corruption);
    }
}
