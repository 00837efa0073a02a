package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The save dialog's choices name what they keep and how large the lesson will be. */
class LessonSaveDialogTest {
    @Test
    void theChoicesSayWhatTheyKeepAndTheirSize() {
        LessonSaveDialog.Sizes s = new LessonSaveDialog.Sizes(212_400_000, 1_760_000, 100, 2);
        assertEquals("Everything: the run's history (100 moments) and 2 other runs of the tree — about 212 MB",
                LessonSaveDialog.everythingText(s));
        assertEquals("Keep only the current run's final weights — about 1.8 MB", LessonSaveDialog.weightsText(s));
        assertEquals("Everything: the run's history (1 moment) — about 3.5 MB", LessonSaveDialog.everythingText(
                new LessonSaveDialog.Sizes(3_500_000, 1_740_000, 1, 0)));
    }
}
