package latentlab.io.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import latentlab.io.format.LabFile.SectionReader;
import latentlab.io.format.LabFile.SectionWriter;
import latentlab.io.format.LabFileException;

/**
 * The runs of a lesson's tree besides the one that trains, in an optional {@code runs} section (lessons without it
 * have one run):
 * <pre>
 * runs  int version (1); int the training run's id; int n;
 *       n x (int id, string settings, int sections, sections x (string name, bytes body))
 * </pre>
 * where each run's sections are those of a model file ({@link ModelFile#sections}) with its history
 * ({@link TimelineSection}).
 */
public final class RunsSection {
    /** The version this build writes and reads. */
    public static final int VERSION = 1;
    private static final String RUNS = "runs";

    /**
     * A lesson's tree.
     *
     * @param activeId the id of the run that trains
     * @param others   the other runs
     */
    public record Tree(int activeId, List<SavedRun> others) {
    }

    private RunsSection() {
    }

    /** The section for {@code tree} (none when there are no other runs). */
    public static Map<String, byte[]> sections(Tree tree) {
        Map<String, byte[]> s = new LinkedHashMap<>();
        if (tree == null || tree.others().isEmpty()) {
            return s;
        }
        List<Map<String, byte[]>> models = new ArrayList<>();
        long size = 12;
        for (SavedRun r : tree.others()) {
            Map<String, byte[]> model = ModelFile.sections(r.end(), null, TimelineSection.sections(r.timeline()));
            models.add(model);
            size += 4 + 4 + r.settings().getBytes(StandardCharsets.UTF_8).length + 4;
            for (Map.Entry<String, byte[]> e : model.entrySet()) {
                size += 4 + e.getKey().getBytes(StandardCharsets.UTF_8).length + 4 + e.getValue().length;
            }
        }
        // Sized exactly, so that the runs' histories are not copied once more when the body is handed over.
        SectionWriter w = new SectionWriter((int) Math.min(Integer.MAX_VALUE - 8, size)).putInt(VERSION)
                .putInt(tree.activeId()).putInt(tree.others().size());
        for (int i = 0; i < models.size(); i++) {
            SavedRun r = tree.others().get(i);
            Map<String, byte[]> model = models.get(i);
            w.putInt(r.id()).putString(r.settings()).putInt(model.size());
            model.forEach((k, v) -> w.putString(k).putBytes(v));
        }
        s.put(RUNS, w.toByteArray());
        return s;
    }

    /** The tree kept in {@code sections}, or null if it has none. */
    public static Tree read(String name, Map<String, byte[]> sections) throws LabFileException {
        byte[] body = sections.get(RUNS);
        if (body == null) {
            return null;
        }
        String where = name + " (" + RUNS + ")";
        SectionReader r = new SectionReader(body, where);
        int version = r.getInt();
        if (version > VERSION) {
            throw new LabFileException(name + ": its runs were written by a newer Latent Lab (version " + version
                    + ")");
        }
        int active = r.getInt();
        int n = r.getInt();
        if (n < 0 || n > body.length / 12) {
            throw new LabFileException(where + ": claims " + n + " runs");
        }
        List<SavedRun> runs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = r.getInt();
            String settings = r.getString();
            int count = r.getInt();
            if (count < 0 || count > 64) {
                throw new LabFileException(where + ": run " + id + " claims " + count + " sections");
            }
            Map<String, byte[]> model = new LinkedHashMap<>();
            for (int k = 0; k < count; k++) {
                model.put(r.getString(), r.getBytes());
            }
            String runName = name + " (run " + id + ")";
            ModelFile.Contents c = ModelFile.parse(runName, model);
            if (c.checkpoint() == null) {
                throw new LabFileException(runName + ": holds no training state");
            }
            runs.add(new SavedRun(id, settings, c.checkpoint(),
                    TimelineSection.read(runName, model, c.checkpoint().parameters().length)));
        }
        r.end();
        return new Tree(active, List.copyOf(runs));
    }
}
