package latentlab.io.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import latentlab.compute.Progress;
import latentlab.data.DataSetNotFoundException;
import latentlab.data.DatasetPair;

import latentlab.io.format.LabFile;
import latentlab.io.format.LabFile.SectionReader;
import latentlab.io.format.LabFile.SectionWriter;
import latentlab.io.format.LabFileException;
import latentlab.train.Checkpoint;

/**
 * Lesson files ({@code .lesson}): a model file (weights, optimiser state, batch order, history, settings) plus a
 * {@code lesson} section with the data set folder and the window's view state (zoom, selection, sliders, layout,
 * appearance), so a lesson prepared at home opens in class exactly as it was. The view state is an opaque block
 * written and read by the UI; the core only stores it.
 */
public final class LessonFile {
    /** File name extension. */
    public static final String EXTENSION = ".lesson";
    private static final int LESSON_VERSION = 1;

    /**
     * A loaded lesson.
     *
     * @param model      the model with its training state
     * @param dataFolder the data set folder the lesson was made with (absolute path as saved), or "" if unknown
     * @param viewState  the UI's saved state (may be empty)
     */
    public record Lesson(ModelFile.Contents model, String dataFolder, byte[] viewState) {
        /** The data set the lesson was made with, if it says (the folder or CSV file as saved). */
        public Optional<Path> dataSet() {
            return dataFolder.isEmpty() ? Optional.empty() : Optional.of(Path.of(dataFolder));
        }

        /**
         * Opens the data set the lesson was made with.
         *
         * @throws DataSetNotFoundException naming the folder (or CSV file) if it is gone, moved or renamed, so that
         *                                  the caller can offer to locate it; also if the lesson does not say
         * @throws IOException              if it is there but cannot be read (the message names the problem)
         */
        public DatasetPair openDataSet(Progress progress) throws IOException {
            Path folder = dataSet().orElseThrow(() -> new DataSetNotFoundException(null,
                    "the lesson does not say which data set it was made with"
                            + (model.data() == null ? "" : " (it was '" + model.data().name() + "')")));
            return DatasetPair.open(folder, progress);
        }
    }

    private LessonFile() {
    }

    /** Saves a lesson atomically; {@code extra} sections (e.g. a cached PCA fit) are stored as they are. */
    public static void save(Path file, Checkpoint cp, ModelFile.DataInfo data, String dataFolder, byte[] viewState,
                            Map<String, byte[]> extra) throws IOException {
        Map<String, byte[]> sections = new LinkedHashMap<>();
        if (extra != null) {
            sections.putAll(extra);
        }
        sections.put("lesson", new SectionWriter().putInt(LESSON_VERSION).putString(dataFolder == null ? "" : dataFolder)
                .putBytes(viewState == null ? new byte[0] : viewState).toByteArray());
        LabFile.write(file, ModelFile.sections(cp, data, sections));
    }

    /**
     * Loads and validates a lesson.
     *
     * @throws LabFileException naming the file and the problem (also when it is a plain model file)
     */
    public static Lesson load(Path file) throws IOException {
        String name = file.getFileName().toString();
        Map<String, byte[]> sections = LabFile.read(file);
        byte[] lesson = sections.get("lesson");
        if (lesson == null) {
            throw new LabFileException(name + ": not a lesson file but a model saved by train (eval and encode read it; in the window, the PCA "
                    + "comparison tab can put it on its error chart)");
        }
        SectionReader r = new SectionReader(lesson, name + " (lesson)");
        int version = r.getInt();
        if (version > LESSON_VERSION) {
            throw new LabFileException(name + ": made by a newer Latent Lab (lesson version " + version + ")");
        }
        String folder = r.getString();
        byte[] view = r.getBytes();
        r.end();
        return new Lesson(ModelFile.parse(name, sections), folder, view);
    }

}
