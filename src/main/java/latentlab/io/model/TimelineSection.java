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
import latentlab.train.MomentWeights;
import latentlab.train.SettingsChange;
import latentlab.train.Timeline;

/**
 * A run's kept history and its parent in a model or lesson file: two optional sections, so files without them (all
 * files written before them) open as runs without history.
 * <pre>
 * timeline  int version (2); long budget bytes, int most moments;
 *           int n, n x (long step, double learning rate, weight decay, beta, corruption)   -- settings changes
 *           int m, m x int[] permutation                                                    -- batch orders
 *           int b, b x float[] base                      -- bases of compact moments that are no moment's weights
 *           int k, k x (long step, int epoch, double epoch fraction, long sampler RNG state, int sampler epoch,
 *                       int position, int order index, weights, boolean keyframe,
 *                       [keyframe: string optimiser, long its steps, int arrays (-1: fresh), arrays x float[]])
 *           weights: boolean compact; exact: float[] weights;
 *                    compact: int base (i &gt;= 0: the exact weights of moment i, earlier; -1 - j: base j),
 *                             long hash of the exact weights, float[] scales, byte[] codes   ({@link MomentWeights})
 * lineage   string parent run, long step it branched at
 * </pre>
 * Version 1 (before compact moments) has no bases and every moment's weights as a plain float[]; it is still read.
 * A newer version of the timeline section is refused with a message; the lineage section never changes shape.
 */
public final class TimelineSection {
    /** The version this build writes and reads. */
    public static final int VERSION = 2;
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
        Bases bases = Bases.of(t.moments());
        w.putInt(bases.standalone.size());
        bases.standalone.forEach(w::putFloats);
        w.putInt(t.moments().size());
        for (Moment m : t.moments()) {
            BatchSampler.State st = m.sampler();
            w.putLong(m.step()).putInt(m.epoch()).putDouble(m.epochFraction()).putLong(st.rngState())
                    .putInt(st.epoch()).putInt(st.position()).putInt(orders.get(st.order()));
            if (m.stored() instanceof MomentWeights.Compact c) {
                w.putBoolean(true).putInt(bases.ref.get(c.base())).putLong(c.hash()).putFloats(c.scales())
                        .putBytes(c.codes());
            } else {
                w.putBoolean(false).putFloats(m.weights());
            }
            w.putBoolean(m.keyframe());
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
        for (float[] base : Bases.of(t.moments()).standalone) {
            b += 4 + 4L * base.length;
        }
        b += 4;
        for (Moment m : t.moments()) {
            b += 8 + 4 + 8 + 8 + 4 + 4 + 4 + 4 + 4;
            if (m.stored() instanceof MomentWeights.Compact c) {
                b += 4 + 8 + 4 + 4L * c.scales().length + 4 + c.codes().length;
            } else {
                b += 4 + 4L * m.stored().length();
            }
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
        List<float[]> bases = new ArrayList<>();
        if (version >= 2) {
            int b = count(r.getInt(), body.length / 4, where, "bases");
            for (int i = 0; i < b; i++) {
                bases.add(weightsOf(r.getFloats(), parameters, where, "a base"));
            }
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
            MomentWeights weights = version >= 2 && r.getBoolean() ? compact(r, moments, bases, parameters, where,
                    step) : MomentWeights.exact(weightsOf(r.getFloats(), parameters, where, "moment at step " + step));
            boolean keyframe = r.getBoolean();
            if (step <= last || epoch < 0 || samplerEpoch < 0 || order < 0 || order >= orders.size()
                    || position < 0 || position > orders.get(order).length
                    || (keyframe && !(weights instanceof MomentWeights.Exact))) {
                throw new LabFileException(where + ": moment " + i + " is out of order or out of range");
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

    private static float[] weightsOf(float[] w, int parameters, String where, String what) throws LabFileException {
        if (w.length != parameters) {
            throw new LabFileException(where + ": " + what + " has " + w.length + " weights, the network " + parameters);
        }
        return w;
    }

    private static MomentWeights compact(SectionReader r, List<Moment> earlier, List<float[]> bases, int parameters,
                                         String where, long step) throws LabFileException {
        int ref = r.getInt();
        long hash = r.getLong();
        float[] scales = r.getFloats();
        byte[] codes = r.getBytes();
        float[] base;
        if (ref >= 0 && ref < earlier.size() && earlier.get(ref).stored() instanceof MomentWeights.Exact e) {
            base = e.weights();
        } else if (ref < 0 && -1 - ref < bases.size()) {
            base = bases.get(-1 - ref);
        } else {
            throw new LabFileException(where + ": moment at step " + step + " refers to base " + ref
                    + ", which is not kept before it");
        }
        if (codes.length != parameters || scales.length != MomentWeights.blocks(parameters)) {
            throw new LabFileException(where + ": moment at step " + step + " has " + codes.length + " compact "
                    + "weights and " + scales.length + " scales for a network of " + parameters);
        }
        return new MomentWeights.Compact(base, scales, codes, hash);
    }

    /** Where each compact moment's base is written: an earlier exact moment's weights, or a standalone array. */
    private record Bases(Map<float[], Integer> ref, List<float[]> standalone) {
        static Bases of(List<Moment> moments) {
            Map<float[], Integer> ref = new IdentityHashMap<>();
            List<float[]> standalone = new ArrayList<>();
            for (int i = 0; i < moments.size(); i++) {
                if (moments.get(i).stored() instanceof MomentWeights.Exact e) {
                    ref.putIfAbsent(e.weights(), i);
                } else {
                    float[] base = ((MomentWeights.Compact) moments.get(i).stored()).base();
                    if (!ref.containsKey(base)) {
                        standalone.add(base);
                        ref.put(base, -standalone.size());
                    }
                }
            }
            return new Bases(ref, standalone);
        }
    }

    private static int count(int n, int most, String where, String what) throws LabFileException {
        if (n < 0 || n > most) {
            throw new LabFileException(where + ": claims " + n + " " + what);
        }
        return n;
    }
}
