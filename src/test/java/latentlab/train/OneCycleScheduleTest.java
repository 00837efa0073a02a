package latentlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OneCycleScheduleTest {
    private final OneCycleSchedule s = new OneCycleSchedule(0.3);

    @Test
    void risesFromAFortiethOfThePeakToThePeakThenFallsAlmostToNothing() {
        assertEquals(0.004 / 25, s.rateAt(0.004, 0), 1e-15);
        assertEquals(0.004, s.rateAt(0.004, 0.3), 1e-15);
        assertEquals(0.004 / 25 / 1e4, s.rateAt(0.004, 1), 1e-15);
        // Half way up and half way down the cosines: the means of their ends.
        assertEquals((0.004 + 0.004 / 25) / 2, s.rateAt(0.004, 0.15), 1e-15);
        assertEquals((0.004 + 0.004 / 25e4) / 2, s.rateAt(0.004, 0.65), 1e-15);
    }

    @Test
    void increasesDuringTheWarmUpAndDecreasesAfter() {
        double before = 0;
        for (int i = 0; i <= 300; i++) {
            double r = s.rateAt(1, i / 1000.0);
            assertTrue(r > before, "rising at " + i);
            before = r;
        }
        for (int i = 301; i <= 1000; i++) {
            double r = s.rateAt(1, i / 1000.0);
            assertTrue(r < before, "falling at " + i);
            before = r;
        }
    }

    @Test
    void changesAtEveryStepWhereEpochSchedulesChangeOncePerEpoch() {
        // 10 epochs of 100 steps: the one-cycle rate of step 150 is that of progress 0.15.
        assertEquals(s.rateAt(0.01, 0.15), s.rateAtStep(0.01, 150, 100, 10), 1e-18);
        assertTrue(s.rateAtStep(0.01, 151, 100, 10) != s.rateAtStep(0.01, 150, 100, 10));
        LearningRateSchedule cosine = LearningRateSchedule.COSINE;
        assertEquals(cosine.rate(0.01, 1, 10), cosine.rateAtStep(0.01, 100, 100, 10));
        assertEquals(cosine.rate(0.01, 1, 10), cosine.rateAtStep(0.01, 199, 100, 10));
        assertEquals(cosine.rate(0.01, 2, 10), cosine.rateAtStep(0.01, 200, 100, 10));
        assertEquals(cosine.rate(0.01, 9, 10), cosine.rateAtStep(0.01, 5000, 100, 10), "past the end: the last epoch's");
    }

    @Test
    void isParsedWithOrWithoutAWarmUpFraction() {
        OneCycleSchedule plain = assertInstanceOf(OneCycleSchedule.class, LearningRateSchedule.parse("onecycle"));
        assertEquals(OneCycleSchedule.DEFAULT_WARMUP, plain.warmup());
        assertEquals("onecycle", plain.spec());
        OneCycleSchedule quarter = assertInstanceOf(OneCycleSchedule.class, LearningRateSchedule.parse("OneCycle:0.25"));
        assertEquals(0.25, quarter.warmup());
        assertEquals("onecycle:0.25", quarter.spec());
        for (String bad : new String[] {"onecycle:0", "onecycle:1", "onecycle:x", "onecycle:-0.2"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LearningRateSchedule.parse(bad), bad);
            assertTrue(e.getMessage().contains("one-cycle") || e.getMessage().contains("onecycle:0.3"), e.getMessage());
        }
    }
}
