package latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The speed control's named paces (no toolkit). */
class SpeedCardTest {
    @Test
    void thePacesAreNamedAndTheSliderFindsThem() {
        assertEquals("Full speed", SpeedCard.describeSpeed(1));
        assertEquals("Slow motion: 1 minibatch per second", SpeedCard.describeSpeed(0));
        double lecture = TrainingViewModel.positionFor(TrainingViewModel.LECTURE_PACE);
        assertEquals(TrainingViewModel.LECTURE_PACE, TrainingViewModel.stepsPerSecond(lecture), 1e-9);
        assertEquals("Lecture pace: 15 minibatches per second", SpeedCard.describeSpeed(lecture));
        assertEquals("40 minibatches per second", SpeedCard.describeSpeed(TrainingViewModel.positionFor(40)));
        assertEquals(1, TrainingViewModel.positionFor(Double.POSITIVE_INFINITY));
    }
}
