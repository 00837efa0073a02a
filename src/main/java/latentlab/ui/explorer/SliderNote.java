package latentlab.ui.explorer;

/**
 * What a latent slider's dimension has been measured to mean, shown beside the slider: a short line (e.g.
 * "slant r = 0.71") and the full measurement as its tooltip.
 *
 * @param text    one short line
 * @param tooltip the details, several lines
 */
public record SliderNote(String text, String tooltip) {
}
