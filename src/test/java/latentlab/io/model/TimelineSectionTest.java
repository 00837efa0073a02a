package latentlab.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import latentlab.data.BatchSampler;
import latentlab.io.format.LabFile.SectionWriter;
import latentlab.io.format.LabFileException;
import latentlab.train.HistoryBudget;
import latentlab.train.Lineage;
import latentlab.train.Moment;
import latentlab.train.MomentWeights;
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
        ByteBuffer.wrap(body).putInt(0, TimelineSection.VERSION + 1);
        s.put("timeline", body);
        LabFileException e = assertThrows(LabFileException.class, () -> TimelineSection.read("new.llm", s, 3));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        LabFileException w = assertThrows(LabFileException.class,
                () -> TimelineSection.read("f.llm", TimelineSection.sections(sample()), 4));
        assertTrue(w.getMessage().contains("has 3 weights, the network 4"), w.getMessage());
    }

    /** The sample with its middle moment compact (8-bit differences from the first moment's weights). */
    private static Timeline withCompactMoment() {
        Timeline t = sample();
        Moment a = t.moments().get(0);
        Moment b = t.moments().get(1);
        Moment cb = new Moment(b.step(), b.epoch(), b.epochFraction(), MomentWeights.compact(b.weights(),
                a.weights()), b.sampler(), null);
        return new Timeline(List.of(a, cb, t.moments().get(2)), t.settings(), t.budget(), t.parent());
    }

    @Test
    void compactMomentsRoundTripAndShareTheirBaseWithTheFirstMoment() throws LabFileException {
        Timeline t = withCompactMoment();
        Map<String, byte[]> s = TimelineSection.sections(t);
        assertEquals(TimelineSection.bodyBytes(t), s.get("timeline").length);
        Timeline back = TimelineSection.read("f", s, 3);
        Moment b = back.moments().get(1);
        assertFalse(b.exact());
        assertSame(back.moments().get(0).weights(), ((MomentWeights.Compact) b.stored()).base());
        assertArrayEquals(t.moments().get(1).weights(), b.weights(), "decoded the same");
        assertTrue(b.stored().matches(new float[] {4, 5, 6}), "with the hash of the exact weights");
        assertEquals(t.bytes(), back.bytes());
    }

    @Test
    void aBaseThatIsNoKeptMomentsWeightsIsWrittenOnItsOwn() throws LabFileException {
        Timeline t = withCompactMoment();
        Timeline later = new Timeline(t.moments().subList(1, 3), t.settings(), t.budget(), null);
        Timeline back = TimelineSection.read("f", TimelineSection.sections(later), 3);
        assertEquals(TimelineSection.bodyBytes(later), TimelineSection.sections(later).get("timeline").length);
        assertArrayEquals(later.moments().get(0).weights(), back.moments().get(0).weights());
        assertArrayEquals(new float[] {1, 2, 3}, ((MomentWeights.Compact) back.moments().get(0).stored()).base());
    }

    /** The timeline section as version 1 wrote it: every moment's weights as a plain float array, no bases. */
    private static byte[] version1(Timeline t) {
        SectionWriter w = new SectionWriter().putInt(1).putLong(t.budget().bytes()).putInt(t.budget().maxMoments());
        w.putInt(t.settings().size());
        for (SettingsChange c : t.settings()) {
            w.putLong(c.step()).putDouble(c.learningRate()).putDouble(c.weightDecay()).putDouble(c.beta())
                    .putDouble(c.corruption());
        }
        List<int[]> orders = new java.util.ArrayList<>();
        for (Moment m : t.moments()) {
            if (orders.stream().noneMatch(o -> o == m.sampler().order())) {
                orders.add(m.sampler().order());
            }
        }
        w.putInt(orders.size());
        orders.forEach(w::putInts);
        w.putInt(t.moments().size());
        for (Moment m : t.moments()) {
            BatchSampler.State st = m.sampler();
            w.putLong(m.step()).putInt(m.epoch()).putDouble(m.epochFraction()).putLong(st.rngState())
                    .putInt(st.epoch()).putInt(st.position()).putInt(orders.indexOf(st.order()))
                    .putFloats(m.weights()).putBoolean(m.keyframe());
            if (m.keyframe()) {
                Moment.OptimizerState os = m.optimizer();
                w.putString(os.name()).putLong(os.steps()).putInt(os.buffers() == null ? -1 : os.buffers().length);
                if (os.buffers() != null) {
                    for (float[] a : os.buffers()) {
                        w.putFloats(a);
                    }
                }
            }
        }
        return w.toByteArray();
    }

    @Test
    void filesWrittenBeforeCompactMomentsStillOpen() throws LabFileException {
        Map<String, byte[]> s = new HashMap<>(TimelineSection.sections(sample()));
        s.put("timeline", version1(sample()));
        Timeline t = TimelineSection.read("old.llm", s, 3);
        assertEquals(3, t.moments().size());
        for (int i = 0; i < 3; i++) {
            assertTrue(t.moments().get(i).exact());
            assertArrayEquals(sample().moments().get(i).weights(), t.moments().get(i).weights());
        }
        assertArrayEquals(new float[] {2, 2, 2}, t.moments().get(2).optimizer().buffers()[1]);
        assertEquals(sample().settings(), t.settings());
        assertEquals(sample().bytes(), t.bytes());
    }
}
