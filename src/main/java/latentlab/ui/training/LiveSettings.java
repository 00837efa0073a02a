package latentlab.ui.training;

import java.util.function.Supplier;

import javafx.beans.property.DoubleProperty;
import latentlab.train.Trainer;

/**
 * The settings a run takes while it trains: the learning rate, β, the input noise and the pace go to the current
 * trainer as soon as they change (values out of their range wait for the panel's check, which reports them).
 */
final class LiveSettings {
    private LiveSettings() {
    }

    /**
     * Passes changes of {@code settings}' live values and of {@code speed} on to {@code trainer}'s current value
     * (none while it is null); {@code check} runs first on each settings change.
     */
    static void forward(TrainingSettings settings, DoubleProperty speed, Supplier<Trainer> trainer, Runnable check) {
        settings.learningRateProperty().addListener((o, was, now) -> {
            check.run();
            Trainer t = trainer.get();
            if (t != null && now.doubleValue() > 0 && now.doubleValue() <= 10) {
                t.setLearningRate(now.doubleValue());
            }
        });
        settings.betaProperty().addListener((o, was, now) -> {
            check.run();
            Trainer t = trainer.get();
            if (t != null && now.doubleValue() >= 0 && now.doubleValue() <= 1000) {
                t.setBeta(now.doubleValue());
            }
        });
        settings.corruptionProperty().addListener((o, was, now) -> {
            check.run();
            Trainer t = trainer.get();
            if (t != null && now.doubleValue() >= 0 && now.doubleValue() <= 0.95) {
                t.setCorruption(now.doubleValue());
            }
        });
        speed.addListener((o, was, now) -> {
            Trainer t = trainer.get();
            if (t != null) {
                t.setMaxStepsPerSecond(TrainingPace.stepsPerSecond(now.doubleValue()));
            }
        });
    }
}
