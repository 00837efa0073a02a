package latentlab.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a data set's classes are called, and what one of them is: "digit" for MNIST, "class" otherwise. A file
 * {@value #FILE} beside the data — in the folder of the four IDX files, or in the folder of a CSV file — names them,
 * one per line in label order: line 1 names label 0. Read strictly: UTF-8, each line trimmed, no empty line before
 * the last name, no name twice, at most {@value #MAX_LENGTH} characters a name, and at least as many names as the
 * labels need (more are allowed: classes a subset lacks). Anything else is an {@link IOException} naming the file,
 * the line and the problem. Immutable.
 *
 * @param names the names in label order (empty: the labels' numbers stand for them)
 * @param noun  what one class is, in lower case ("digit", "class")
 */
public record ClassNames(List<String> names, String noun) {
    /** The file that names the classes. */
    public static final String FILE = "classes.txt";
    /** The longest name accepted. */
    public static final int MAX_LENGTH = 60;

    public ClassNames {
        names = List.copyOf(names);
    }

    /** Numbers for names: "digit" for a data set called MNIST, "class" otherwise. */
    public static ClassNames numbered(String datasetName) {
        return new ClassNames(List.of(), "mnist".equalsIgnoreCase(datasetName == null ? "" : datasetName.strip())
                ? "digit" : "class");
    }

    /** The name of class {@code c}: its given name, else its number. */
    public String name(int c) {
        return c >= 0 && c < names.size() ? names.get(c) : Integer.toString(c);
    }

    /** Whether the classes have names of their own (else their numbers stand for them). */
    public boolean named() {
        return !names.isEmpty();
    }

    /** The noun in the plural: "digits", "classes". */
    public String nounPlural() {
        return noun.endsWith("s") ? noun + "es" : noun + "s";
    }

    /** The noun with a capital: "Digit", "Class". */
    public String capitalNoun() {
        return noun.isEmpty() ? noun : noun.substring(0, 1).toUpperCase(Locale.ROOT) + noun.substring(1);
    }

    /** Where the names of a data set read from {@code source} (a folder of IDX files or a CSV file) would be. */
    public static Path fileFor(Path source) {
        Path folder = Files.isDirectory(source) ? source : source.toAbsolutePath().getParent();
        return folder.resolve(FILE);
    }

    /**
     * The names for {@code pair}, read from {@code source}: those of its {@value #FILE} if there is one, else
     * numbers ({@link #numbered}).
     *
     * @throws IOException naming the file, the line and the problem if the file is there but not right
     */
    public static ClassNames of(Path source, DatasetPair pair) throws IOException {
        Path file = fileFor(source);
        if (!Files.exists(file)) {
            return numbered(pair.name());
        }
        int needed = Math.max(pair.train().classCount(), pair.test().classCount());
        return new ClassNames(read(file, needed), "class");
    }

    /** {@code pair} with the names for it from {@code source} (see {@link #of}). */
    public static DatasetPair attach(Path source, DatasetPair pair) throws IOException {
        ClassNames n = of(source, pair);
        return new DatasetPair(pair.name(), pair.train().withClassNames(n), pair.test().withClassNames(n));
    }

    /**
     * Reads names from {@code file}, strictly (see the class comment).
     *
     * @param needed how many the labels need: one more than the largest label
     */
    public static List<String> read(Path file, int needed) throws IOException {
        String where = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(where + ": not UTF-8 text; save it as UTF-8, one class name per line");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark some editors write
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).strip().isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i).strip();
            int line = i + 1;
            if (name.isEmpty()) {
                throw new IOException(where + ": line " + line + " is empty; write one class name per line, "
                        + "the name of label 0 first");
            }
            if (name.length() > MAX_LENGTH) {
                throw new IOException(where + ": line " + line + " is " + name.length() + " characters long; a class "
                        + "name may have at most " + MAX_LENGTH);
            }
            if (!seen.add(name)) {
                throw new IOException(where + ": line " + line + " repeats the name \"" + name + "\"");
            }
            names.add(name);
        }
        if (names.size() < needed) {
            throw new IOException(String.format("%s: %d name%s for %d classes (labels 0 to %d); write one name per "
                    + "line for each label", where, names.size(), names.size() == 1 ? "" : "s", needed, needed - 1));
        }
        if (names.size() > Dataset.MAX_CLASSES) {
            throw new IOException(where + ": " + names.size() + " names, but labels go up to "
                    + (Dataset.MAX_CLASSES - 1) + " only");
        }
        return names;
    }
}
