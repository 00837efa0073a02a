package latentlab.io.format;

import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import latentlab.compute.Progress;

/**
 * One 256-colour palette for all frames of an animation (a GIF holds at most 256 colours per frame), and the
 * mapping of every pixel to its entry.
 *
 * <p>Made for plots on a white page: if the frames use at most 256 colours they are kept exactly. Otherwise the
 * colours that cover large areas (the page, the class colours of the dots, text and axes: each at least 1/1000 of
 * all pixels, up to 64 of them) keep exact entries, and the rest (anti-aliased edges, blends) share the remaining
 * entries by median cut (Heckbert 1982), weighted by how often each colour occurs. Every colour then maps to its
 * exact entry or the nearest one. There is no dithering: on flat plot colours it only adds noise, and noise that
 * changes from frame to frame makes the animation shimmer and the file larger. One palette for every frame also
 * keeps a colour from jumping between frames.
 *
 * <p>Frames are ARGB; translucent pixels are composited onto white first (GIF has no partial transparency).
 */
public final class GifPalette {
    static final int SIZE = 256;
    private static final int MAX_EXACT = 64;
    private static final double EXACT_SHARE = 1e-3;
    /** Past this many distinct colours the histogram drops the two low bits of each channel. */
    private static final int MAX_DISTINCT = 1 << 18;

    private final int[] rgb;
    private final int count;
    private final ColourCounts lookup;
    private final int mask;

    private GifPalette(int[] rgb, int count, ColourCounts lookup, int mask) {
        this.rgb = rgb;
        this.count = count;
        this.lookup = lookup;
        this.mask = mask;
    }

    /** Builds the palette of all {@code frames}, reporting frames counted. */
    static GifPalette build(List<int[]> frames, Progress progress) {
        ColourCounts counts = new ColourCounts();
        int mask = 0xFFFFFF;
        long pixels = 0;
        for (int f = 0; f < frames.size(); f++) {
            progress.update(f, frames.size(), "Choosing the colours");
            progress.checkCancelled();
            int[] frame = frames.get(f);
            // Neighbouring pixels mostly repeat; "last" starts as a value the first pixel cannot have.
            int last = frame.length > 0 ? ~frame[0] : 0;
            int lastKey = 0;
            for (int p : frame) {
                int key;
                if (p == last) {
                    key = lastKey;
                } else {
                    key = opaque(p) & mask;
                    last = p;
                    lastKey = key;
                }
                counts.add(key, 1);
                if (counts.size() > MAX_DISTINCT && mask == 0xFFFFFF) {
                    // A photo-like frame: coarser keys keep the histogram small; the palette barely changes.
                    mask = 0xFCFCFC;
                    counts = counts.masked(mask);
                    last = ~p;
                }
            }
            pixels += frame.length;
        }
        int distinct = counts.size();
        int[] keys = counts.keys();
        int[] rgb = new int[SIZE];
        int used;
        if (distinct <= SIZE) {
            System.arraycopy(keys, 0, rgb, 0, distinct);
            used = distinct;
        } else {
            used = mixed(counts, keys, pixels, rgb);
        }
        Arrays.sort(rgb, 0, used);
        ColourCounts index = new ColourCounts();
        for (int key : keys) {
            index.add(key, nearest(rgb, used, key) + 1);
        }
        return new GifPalette(rgb, used, index, mask);
    }

    /** Exact entries for the big areas, median cut for the rest; returns the number of entries used. */
    private static int mixed(ColourCounts counts, int[] keys, long pixels, int[] rgb) {
        Integer[] byCount = new Integer[keys.length];
        for (int i = 0; i < keys.length; i++) {
            byCount[i] = i;
        }
        Arrays.sort(byCount, Comparator.comparingLong((Integer i) -> -counts.get(keys[i])));
        int exact = 0;
        boolean[] taken = new boolean[keys.length];
        while (exact < MAX_EXACT && counts.get(keys[byCount[exact]]) >= EXACT_SHARE * pixels) {
            rgb[exact] = keys[byCount[exact]];
            taken[byCount[exact]] = true;
            exact++;
        }
        int restCount = keys.length - exact;
        int[] rest = new int[restCount];
        long[] weight = new long[restCount];
        for (int i = 0, r = 0; i < keys.length; i++) {
            if (!taken[i]) {
                rest[r] = keys[i];
                weight[r++] = counts.get(keys[i]);
            }
        }
        int boxes = medianCut(rest, weight, SIZE - exact, rgb, exact);
        return exact + boxes;
    }

    /** Splits the colours into at most {@code max} boxes and writes each box's weighted mean into {@code out}. */
    private static int medianCut(int[] colours, long[] weight, int max, int[] out, int outOff) {
        List<int[]> boxes = new ArrayList<>();
        boxes.add(new int[] {0, colours.length});
        while (boxes.size() < max) {
            int best = -1;
            double bestScore = 0;
            int bestAxis = 0;
            for (int b = 0; b < boxes.size(); b++) {
                int[] box = boxes.get(b);
                if (box[1] - box[0] < 2) {
                    continue;
                }
                int[] range = range(colours, box);
                int axis = range[0] >= range[1] && range[0] >= range[2] ? 0 : range[1] >= range[2] ? 1 : 2;
                long w = 0;
                for (int i = box[0]; i < box[1]; i++) {
                    w += weight[i];
                }
                double score = (double) range[axis] * w;
                if (score > bestScore) {
                    bestScore = score;
                    best = b;
                    bestAxis = axis;
                }
            }
            if (best < 0) {
                break;
            }
            int[] box = boxes.get(best);
            int shift = 16 - 8 * bestAxis;
            sortByChannel(colours, weight, box[0], box[1], shift);
            long total = 0;
            for (int i = box[0]; i < box[1]; i++) {
                total += weight[i];
            }
            long acc = 0;
            int cut = box[0] + 1;
            for (int i = box[0]; i < box[1] - 1; i++) {
                acc += weight[i];
                cut = i + 1;
                if (2 * acc >= total) {
                    break;
                }
            }
            boxes.set(best, new int[] {box[0], cut});
            boxes.add(new int[] {cut, box[1]});
        }
        for (int b = 0; b < boxes.size(); b++) {
            int[] box = boxes.get(b);
            double r = 0;
            double g = 0;
            double bl = 0;
            double w = 0;
            for (int i = box[0]; i < box[1]; i++) {
                int c = colours[i];
                double wi = Math.max(1, weight[i]);
                r += wi * ((c >> 16) & 0xFF);
                g += wi * ((c >> 8) & 0xFF);
                bl += wi * (c & 0xFF);
                w += wi;
            }
            out[outOff + b] = ((int) Math.round(r / w) << 16) | ((int) Math.round(g / w) << 8) | (int) Math.round(bl / w);
        }
        return boxes.size();
    }

    private static int[] range(int[] colours, int[] box) {
        int[] lo = {255, 255, 255};
        int[] hi = {0, 0, 0};
        for (int i = box[0]; i < box[1]; i++) {
            for (int ch = 0; ch < 3; ch++) {
                int v = (colours[i] >> (16 - 8 * ch)) & 0xFF;
                lo[ch] = Math.min(lo[ch], v);
                hi[ch] = Math.max(hi[ch], v);
            }
        }
        return new int[] {hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]};
    }

    private static void sortByChannel(int[] colours, long[] weight, int from, int to, int shift) {
        // Sorts packed (channel value, position) pairs so the weights follow their colours.
        long[] keyed = new long[to - from];
        for (int i = from; i < to; i++) {
            keyed[i - from] = ((long) ((colours[i] >> shift) & 0xFF) << 32) | (i - from);
        }
        Arrays.sort(keyed);
        int[] c = Arrays.copyOfRange(colours, from, to);
        long[] w = Arrays.copyOfRange(weight, from, to);
        for (int i = 0; i < keyed.length; i++) {
            int src = (int) keyed[i];
            colours[from + i] = c[src];
            weight[from + i] = w[src];
        }
    }

    /** Index of the entry closest to {@code c}, by a squared distance weighted 2:4:3 (the eye's sensitivity). */
    private static int nearest(int[] rgb, int used, int c) {
        int best = 0;
        long bestD = Long.MAX_VALUE;
        int r = (c >> 16) & 0xFF;
        int g = (c >> 8) & 0xFF;
        int b = c & 0xFF;
        for (int i = 0; i < used; i++) {
            int p = rgb[i];
            int dr = ((p >> 16) & 0xFF) - r;
            int dg = ((p >> 8) & 0xFF) - g;
            int db = (p & 0xFF) - b;
            long d = 2L * dr * dr + 4L * dg * dg + 3L * db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
                if (d == 0) {
                    break;
                }
            }
        }
        return best;
    }

    /** The colour of ARGB pixel {@code p} drawn on white, as 0xRRGGBB. */
    public static int opaque(int p) {
        int a = p >>> 24;
        if (a == 0xFF) {
            return p & 0xFFFFFF;
        }
        int r = ((p >> 16) & 0xFF) * a + 255 * (255 - a);
        int g = ((p >> 8) & 0xFF) * a + 255 * (255 - a);
        int b = (p & 0xFF) * a + 255 * (255 - a);
        return ((r + 127) / 255 << 16) | ((g + 127) / 255 << 8) | (b + 127) / 255;
    }

    /** Number of entries in use (the rest of the 256 are black). */
    int size() {
        return count;
    }

    /** Entry {@code i} as 0xRRGGBB. */
    int colour(int i) {
        return rgb[i];
    }

    /** The palette as an 8-bit IndexColorModel of 256 entries. */
    IndexColorModel colourModel() {
        byte[] r = new byte[SIZE];
        byte[] g = new byte[SIZE];
        byte[] b = new byte[SIZE];
        for (int i = 0; i < count; i++) {
            r[i] = (byte) (rgb[i] >> 16);
            g[i] = (byte) (rgb[i] >> 8);
            b[i] = (byte) rgb[i];
        }
        return new IndexColorModel(8, SIZE, r, g, b);
    }

    /** Writes the palette index of every pixel of {@code frame} into {@code out}. */
    void index(int[] frame, byte[] out) {
        int last = frame.length > 0 ? ~frame[0] : 0;
        byte lastIndex = 0;
        for (int i = 0; i < frame.length; i++) {
            int p = frame[i];
            if (p != last) {
                int v = (int) lookup.get(opaque(p) & mask);
                // Colours seen while building are in the table; any other colour gets its nearest entry.
                lastIndex = (byte) (v > 0 ? v - 1 : nearest(rgb, count, opaque(p) & mask));
                last = p;
            }
            out[i] = lastIndex;
        }
    }

    /** An open-addressing map from 0xRRGGBB to a count (or, reused, to an index + 1). */
    static final class ColourCounts {
        private int[] keys = new int[1024];
        private long[] values = new long[1024];
        private boolean[] used = new boolean[1024];
        private int size;

        void add(int key, long v) {
            int slot = find(key);
            if (!used[slot]) {
                used[slot] = true;
                keys[slot] = key;
                size++;
                if (size * 2 > keys.length) {
                    grow();
                    slot = find(key);
                }
            }
            values[slot] += v;
        }

        long get(int key) {
            int slot = find(key);
            return used[slot] ? values[slot] : 0;
        }

        int size() {
            return size;
        }

        int[] keys() {
            int[] out = new int[size];
            int n = 0;
            for (int i = 0; i < keys.length; i++) {
                if (used[i]) {
                    out[n++] = keys[i];
                }
            }
            return out;
        }

        ColourCounts masked(int mask) {
            ColourCounts m = new ColourCounts();
            for (int i = 0; i < keys.length; i++) {
                if (used[i]) {
                    m.add(keys[i] & mask, values[i]);
                }
            }
            return m;
        }

        private int find(int key) {
            int m = keys.length - 1;
            int slot = (key * 0x9E3779B9) >>> 7 & m;
            while (used[slot] && keys[slot] != key) {
                slot = (slot + 1) & m;
            }
            return slot;
        }

        private void grow() {
            int[] k = keys;
            long[] v = values;
            boolean[] u = used;
            keys = new int[k.length * 2];
            values = new long[k.length * 2];
            used = new boolean[k.length * 2];
            size = 0;
            for (int i = 0; i < k.length; i++) {
                if (u[i]) {
                    int slot = find(k[i]);
                    used[slot] = true;
                    keys[slot] = k[i];
                    values[slot] = v[i];
                    size++;
                }
            }
        }
    }
}
