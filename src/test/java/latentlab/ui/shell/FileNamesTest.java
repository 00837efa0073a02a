package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The names the save dialogs propose. */
class FileNamesTest {
    @Test
    void aRunIsNamedByItsDataSetNetworkAndEpochs() {
        assertEquals("mnist-784-256-64-2-epoch10", FileNames.run("MNIST", "784-256-64-2", 10));
        assertEquals("fashion-mnist-784-256-64-2-vae-epoch3", FileNames.run("Fashion MNIST", "784-256-64-2 VAE", 3));
        assertEquals("784-1000-2-2-1000-784-epoch0", FileNames.run("", "784-1000-2 / 2-1000-784", 0));
        assertEquals("lesson", FileNames.run("MNIST", null, "lesson"), "no network yet");
    }

    @Test
    void otherNamesGetTheEpochWhenThereIsOne() {
        assertEquals("latent-map-epoch10", FileNames.with("latent-map", "epoch10"));
        assertEquals("latent-map", FileNames.with("latent-map", ""));
        assertEquals("", FileNames.epoch(null));
    }

    @Test
    void slugsKeepLettersAndDigitsOnly() {
        assertEquals("données-à-lyon-2", FileNames.slug("  Données à Lyon (2) "));
        assertEquals("", FileNames.slug("///"));
    }
}
