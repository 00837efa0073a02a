package latentlab.io.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import latentlab.data.BatchSampler;
import latentlab.io.format.LabFile.SectionReader;
import latentlab.io.format.LabFile.SectionWriter;
import latentlab.io.format.LabFileException;
import latentlab.train.HistoryBudget;
import latentlab.train.Lineage;
import latentlab.train.Moment;
import latentlab.train.SettingsChange;
import latentlab.train.Timeline;

/**
 * A run's kept history and its parent in a model or lesson file: two optional sections, so files without them (all
 * files written before them) open as runs without history.
 * <pre>
 * timeline  int version (1); long budget bytes, int most moments;
 *           int n, n x (long step, double learning rate, weight decay, beta, corruption)   -- settings changes
 *           int m, m x int[] permutation                                                    -- batch orders
 *           int k, k x (long step, int epoch, double epoch fraction, long sampler RNG state, int sampler epoch,
 *                       int position, int order index, float[] weights, boolean keyframe,
 *                       [keyframe: string optimiser, long its steps, int arrays (-1: fresh), arrays x float[]])
 * lineage   string parent run, long step it branched at
 * </pre>
 * A newer version of the timeline section is refused with a message; the lineage section never changes shape.
 */
public final class TimelineSection {
    /** The version this build writes and reads. */
    public static final int VERSION = 1;
    private static final String TIMELINE = "timeline";
    private static final String LINEAGE = "lineage";

    private TimelineSection() {
    }

    /** The sections for {@code t} (none for an empty history without a parent). */
    public static Map<String, byte[]> sections(Timeline t) {
        Map<String, byte[]> s = new LinkedHashMap<>();
        if (!t.isEmpty()) {
            s.put(TIMELINE, timeline(t));
        }
        if (t.parent() != null) {
            s.put(LINEAGE, new SectionWriter().putString(t.parent().parent()).putLong(t.parent().step()).toByteArray());
        }
        return s;
    }

    private static byte[] timeline(Timeline t) {
        SectionWriter w = new SectionWriter(bodyBytes(t)).putInt(VERSION);
        HistoryBudget b = t.budget();
        w.putLong(b == null ? Long.MAX_VALUE : b.bytes()).putInt(b == null ? Integer.MAX_VALUE : b.maxMoments());
        w.putInt(t.settings().size());
        for (SettingsChange c : t.settings()) {
            w.putLong(c.step()).putDouble(c.learningRate()).putDouble(c.weightDecay()).putDouble(c.beta())
                    .putDouble(c.corruption());
        }
        Map<int[], Integer> orders = new IdentityHashMap<>();
        List<int[]> distinct = new ArrayList<>();
        for (Moment m : t.moments()) {
            if (orders.putIfAbsent(m.sampler().order(), distinct.size()) == null) {
                distinct.add(m.sampler().order());
            }
        }
        w.putInt(distinct.size());
        distinct.forEach(w::putInts);
        w.putInt(t.moments().size());
        for (Moment m : t.moments()) {
            BatchSampler.State st = m.sampler();
            w.putLong(m.step()).putInt(m.epoch()).putDouble(m.epochFraction()).putLong(st.rngState())
                    .putInt(st.epoch()).putInt(st.position()).putInt(orders.get(st.order())).putFloats(m.weights())
                    .putBoolean(m.keyframe());
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

    /** The exact size of the timeline section's body for {@code t} (see the layout in the class comment). */
    static int bodyBytes(Timeline t) {
        long b = 4 + 8 + 4 + 4 + 40L * t.settings().size() + 4;
        Set<int[]> orders = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Moment m : t.moments()) {
            if (orders.add(m.sampler().order())) {
                b += 4 + 4L * m.sampler().order().length;
            }
        }
        b += 4;
        for (Moment m : t.moments()) {
            b += 8 + 4 + 8 + 8 + 4 + 4 + 4 + 4 + 4L * m.weights().length + 4;
            if (m.keyframe()) {
                Moment.OptimizerState os = m.optimizer();
                b += 4 + os.name().getBytes(StandardCharsets.UTF_8).length + 8 + 4;
                if (os.buffers() != null) {
                    for (float[] a : os.buffers()) {
                        b += 4 + 4L * a.length;
                    }
                }
            }
        }
        return (int) Math.min(Integer.MAX_VALUE - 8, b);
    }

    /**
     * The history kept in {@code sections} ({@link Timeline#NONE} if none) for a network of {@code parameters}
     * weights.
     *
     * @throws LabFileException naming the file and what does not fit
     */
    public static Timeline read(String name, Map<String, byte[]> sections, int parameters) throws LabFileException {
        Lineage parent = null;
        if (sections.containsKey(LINEAGE)) {
            SectionReader r = new SectionReader(sections.get(LINEAGE), name + " (" + LINEAGE + ")");
            String p = r.getString();
            long step = r.getLong();
            r.end();
            if (step < 0) {
                throw new LabFileException(name + ": branched at a negative step");
            }
            parent = new Lineage(p, step);
        }
        byte[] body = sections.get(TIMELINE);
        if (body == null) {
            return parent == null ? Timeline.NONE : Timeline.NONE.withParent(parent);
        }
        String where = name + " (" + TIMELINE + ")";
        SectionReader r = new SectionReader(body, where);
        int version = r.getInt();
        if (version > VERSION) {
            throw new LabFileException(name + ": its history was written by a newer Latent Lab (version " + version
                    + "; this one reads " + VERSION + ")");
        }
        if (version < 1) {
            throw new LabFileException(where + ": unknown version " + version);
        }
        long budgetBytes = r.getLong();
        int maxMoments = r.getInt();
        if (budgetBytes < 0 || maxMoments < 2) {
            throw new LabFileException(where + ": impossible budget");
        }
        int n = count(r.getInt(), body.length / 40, where, "settings changes");
        List<SettingsChange> settings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            settings.add(new SettingsChange(r.getLong(), r.getDouble(), r.getDouble(), r.getDouble(), r.getDouble()));
        }
        int m = count(r.getInt(), body.length / 4, where, "batch orders");
        List<int[]> orders = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            orders.add(r.getInts());
        }
        int k = count(r.getInt(), body.length / 40, where, "moments");
        List<Moment> moments = new ArrayList<>(k);
        long last = -1;
        for (int i = 0; i < k; i++) {
            long step = r.getLong();
            int epoch = r.getInt();
            double fraction = r.getDouble();
            long rng = r.getLong();
            int samplerEpoch = r.getInt();
            int position = r.getInt();
            int order = r.getInt();
            float[] weights = r.getFloats();
            boolean keyframe = r.getBoolean();
            if (step <= last || epoch < 0 || samplerEpoch < 0 || order < 0 || order >= orders.size()
                    || position < 0 || position > orders.get(order).length) {
                throw new LabFileException(where + ": moment " + i + " is out of order or out of range");
            }
            if (weights.length != parameters) {
                throw new LabFileException(where + ": moment at step " + step + " has " + weights.length
                        + " weights, the network " + parameters);
            }
            last = step;
            Moment.OptimizerState os = null;
            if (keyframe) {
                String opt = r.getString();
                long steps = r.getLong();
                int arrays = r.getInt();
                if (arrays < -1 || arrays > 4) {
                    throw new LabFileException(where + ": keyframe at step " + step + " claims " + arrays + " arrays");
                }
                float[][] buffers = arrays < 0 ? null : new float[arrays][];
                for (int a = 0; a < arrays; a++) {
                    buffers[a] = r.getFloats();
                    if (buffers[a].length != parameters) {
                        throw new LabFileException(where + ": keyframe at step " + step + " has optimiser state of "
                                + buffers[a].length + " values for " + parameters + " parameters");
                    }
                }
                os = new Moment.OptimizerState(opt, steps, buffers);
            }
            moments.add(new Moment(step, epoch, fraction, weights,
                    new BatchSampler.State(rng, samplerEpoch, position, orders.get(order)), os));
        }
        r.end();
        return new Timeline(moments, settings, new HistoryBudget(budgetBytes, maxMoments), parent);
    }

    private static int count(int n, int most, String where, String what) throws LabFileException {
        if (n < 0 || n > most) {
            throw new LabFileException(where + ": claims " + n + " " + what);
        }
        return n;
    }
}
