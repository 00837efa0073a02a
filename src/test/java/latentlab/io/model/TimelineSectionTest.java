package latentlab.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import latentlab.data.BatchSampler;
import latentlab.io.format.LabFileException;
import latentlab.train.HistoryBudget;
import latentlab.train.Lineage;
import latentlab.train.Moment;
import latentlab.train.SettingsChange;
import latentlab.train.Timeline;
import org.junit.jupiter.api.Test;

class TimelineSectionTest {
    private static Timeline sample() {
        int[] order = {2, 0, 1};
        Moment a = new Moment(0, 0, 0, new float[] {1, 2, 3}, new BatchSampler.State(5, 0, 0, order),
                new Moment.OptimizerState("adam", 0, null));
        Moment b = new Moment(3, 0, 2 / 3.0, new float[] {4, 5, 6}, new BatchSampler.State(5, 0, 2, order), null);
        Moment c = new Moment(9, 3, 0, new float[] {7, 8, 9}, new BatchSampler.State(6, 3, 3, new int[] {1, 2, 0}),
                new Moment.OptimizerState("adam", 9, new float[][] {{1, 1, 1}, {2, 2, 2}}));
        return new Timeline(List.of(a, b, c), List.of(new SettingsChange(0, 1e-3, 0, 1, 0),
                new SettingsChange(5, 2e-3, 0, 1, 0.1)), new HistoryBudget(1000, 50), new Lineage("parent.llm", 7));
    }

    @Test
    void aHistoryWithItsParentRoundTrips() throws LabFileException {
        Timeline t = TimelineSection.read("f", TimelineSection.sections(sample()), 3);
        assertEquals(3, t.moments().size());
        assertEquals(sample().settings(), t.settings());
        assertEquals(sample().budget(), t.budget());
        assertEquals(new Lineage("parent.llm", 7), t.parent());
        assertArrayEquals(new float[] {4, 5, 6}, t.moments().get(1).weights());
        assertSame(t.moments().get(0).sampler().order(), t.moments().get(1).sampler().order(), "orders stay shared");
        assertNull(t.moments().get(0).optimizer().buffers(), "a fresh optimiser");
        assertNull(t.moments().get(1).optimizer());
        assertArrayEquals(new float[] {2, 2, 2}, t.moments().get(2).optimizer().buffers()[1]);
        assertEquals(sample().bytes(), t.bytes());
    }

    @Test
    void theBodyIsWrittenIntoAnArrayOfExactlyItsSize() {
        // Sized exactly, the writer hands its array over: a history is held once while it is saved, not thrice.
        assertEquals(TimelineSection.bodyBytes(sample()), TimelineSection.sections(sample()).get("timeline").length);
    }

    @Test
    void filesWithoutTheSectionsHaveNoHistory() throws LabFileException {
        assertSame(Timeline.NONE, TimelineSection.read("old.llm", Map.of(), 3));
    }

    @Test
    void aNewerVersionOrWeightsThatDoNotFitAreRefusedByName() {
        Map<String, byte[]> s = new HashMap<>(TimelineSection.sections(sample()));
        byte[] body = s.get("timeline").clone();
        ByteBuffer.wrap(body).putInt(0, 2);
        s.put("timeline", body);
        LabFileException e = assertThrows(LabFileException.class, () -> TimelineSection.read("new.llm", s, 3));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        LabFileException w = assertThrows(LabFileException.class,
                () -> TimelineSection.read("f.llm", TimelineSection.sections(sample()), 4));
        assertTrue(w.getMessage().contains("has 3 weights, the network 4"), w.getMessage());
    }
}
