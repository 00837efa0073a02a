package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HandoffTest {
    private static final class Counted implements AutoCloseable {
        int closed;

        @Override
        public void close() {
            closed++;
        }
    }

    @Test
    void whatIsTakenIsNotClosed() {
        Handoff<Counted> h = new Handoff<>();
        Counted c = new Counted();
        h.offer(c);
        assertSame(c, h.take());
        h.cancel(); // a later failure of the task no longer concerns it
        assertEquals(0, c.closed);
        assertNull(h.take(), "taken once");
    }

    @Test
    void cancellingClosesWhatWasOffered() {
        Handoff<Counted> h = new Handoff<>();
        Counted c = new Counted();
        h.offer(c);
        h.cancel();
        assertEquals(1, c.closed);
        assertNull(h.take());
        h.cancel();
        assertEquals(1, c.closed, "closed once");
    }

    @Test
    void whatIsOfferedAfterCancellationIsClosedAtOnce() {
        // The task was cancelled while it was still making the trainer, and then finished making it.
        Handoff<Counted> h = new Handoff<>();
        h.cancel();
        Counted c = new Counted();
        h.offer(c);
        assertEquals(1, c.closed);
        assertNull(h.take());
    }
}
