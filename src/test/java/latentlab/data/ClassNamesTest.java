package latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** classes.txt: read strictly, found beside IDX folders and CSV files, carried by the data set. */
class ClassNamesTest {
    private static final String FASHION = "T-shirt/top\nTrouser\nPullover\nDress\nCoat\nSandal\nShirt\nSneaker\nBag\n"
            + "Ankle boot\n";

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve(ClassNames.FILE), text);
    }

    private String problem(String text, int needed) throws IOException {
        Path f = file(text);
        return assertThrows(IOException.class, () -> ClassNames.read(f, needed)).getMessage();
    }

    @Test
    void oneNamePerLineTrimmedInLabelOrder() throws IOException {
        List<String> names = ClassNames.read(file("\uFEFF  T-shirt/top \r\nTrouser\r\n\r\n"), 2);
        assertEquals(List.of("T-shirt/top", "Trouser"), names, "a byte order mark, CRLF and trailing blank lines");
        assertEquals(10, ClassNames.read(file(FASHION), 10).size());
        assertEquals(10, ClassNames.read(file(FASHION), 8).size(), "more names than a subset's labels need");
    }

    @Test
    void anythingElseIsOneClearMessage() throws IOException {
        assertEquals("classes.txt: 2 names for 10 classes (labels 0 to 9); write one name per line for each label",
                problem("zero\none\n", 10));
        assertEquals("classes.txt: line 2 is empty; write one class name per line, the name of label 0 first",
                problem("zero\n\ntwo\n", 3));
        assertEquals("classes.txt: line 3 repeats the name \"Shirt\"", problem("Shirt\nCoat\nShirt\n", 3));
        assertTrue(problem("x".repeat(61) + "\n", 1).contains("line 1 is 61 characters long"));
        Path latin1 = Files.write(dir.resolve(ClassNames.FILE), "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("classes.txt: not UTF-8 text; save it as UTF-8, one class name per line",
                assertThrows(IOException.class, () -> ClassNames.read(latin1, 1)).getMessage());
    }

    @Test
    void anIdxFolderOrACsvFileHasItsNamesBesideIt() throws IOException {
        Path folder = IdxFixtures.datasetFolder(dir.resolve("fashion"), 30, 20, 4, 4, false);
        DatasetPair plain = DatasetPair.open(folder);
        ClassNames numbered = ClassNames.of(folder, plain);
        assertFalse(numbered.named());
        assertEquals("class", numbered.noun(), "unnamed: the classes are 'classes'");
        assertEquals("7", numbered.name(7));
        Files.writeString(folder.resolve(ClassNames.FILE), FASHION);
        DatasetPair named = ClassNames.attach(folder, plain);
        assertEquals("Ankle boot", named.test().classNames().name(9));
        assertEquals("Sandal", named.train().classNames().name(5));
        assertSame(named.test().classNames(), named.test().subset("some", new int[] {0, 1}).classNames(),
                "a subset keeps the names");
        assertEquals(plain.test().label(3), named.test().label(3), "the same images and labels");
        Path csv = Files.writeString(dir.resolve("letters.csv"), "0,1,2,3,4\n1,5,6,7,8\n");
        assertEquals(dir.resolve(ClassNames.FILE), ClassNames.fileFor(csv), "beside the CSV file");
    }

    @Test
    void mnistsClassesAreDigits() {
        assertEquals("digit", ClassNames.numbered("MNIST").noun());
        assertEquals("digits", ClassNames.numbered("mnist").nounPlural());
        assertEquals("Digit", ClassNames.numbered("MNIST").capitalNoun());
        assertEquals("classes", ClassNames.numbered("letters").nounPlural());
        assertEquals("class", new Dataset("d", 1, 1, new byte[1], new byte[1]).classNames().noun(),
                "a data set without names");
    }
}
