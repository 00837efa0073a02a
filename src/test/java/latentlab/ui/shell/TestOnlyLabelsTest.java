package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import latentlab.data.ClassNames;
import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import org.junit.jupiter.api.Test;

/** A data set whose test labels include a class no training image has says so when it opens (no toolkit). */
class TestOnlyLabelsTest {
    private static Dataset labelled(String name, int... labels) {
        byte[] l = new byte[labels.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (byte) labels[i];
        }
        return new Dataset(name, 1, 1, new byte[l.length], l);
    }

    @Test
    void aClassOnlyInTheTestImagesIsNamed() {
        DatasetPair pair = new DatasetPair("letters", labelled("train", 0, 1, 1, 0), labelled("test", 0, 2, 2, 1, 3));
        assertEquals("letters: 3 test images have labels that no training image has: 2 (2 images), 3 (1 image). "
                + "The network never trains on them; the map shows those images in their own colour.",
                DatasetSession.testOnlyLabels(pair));
        ClassNames names = new ClassNames(List.of("a", "b", "c"), "class");
        DatasetPair named = new DatasetPair("letters", labelled("train", 0, 1).withClassNames(names),
                labelled("test", 2).withClassNames(names));
        assertEquals("letters: 1 test image has a label that no training image has: 2 \"c\" (1 image). The network "
                + "never trains on it; the map shows that image in its own colour.", DatasetSession.testOnlyLabels(named));
    }

    @Test
    void nothingToSayWhenTheTestLabelsAreTrainingLabels() {
        assertNull(DatasetSession.testOnlyLabels(new DatasetPair("d", labelled("train", 0, 1, 2),
                labelled("test", 2, 2, 0))));
    }
}
