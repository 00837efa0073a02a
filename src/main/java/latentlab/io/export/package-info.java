/**
 * Exports for use outside Latent Lab: NumPy {@code .npy}/{@code .npz} arrays of the model and the codes, the codes
 * as CSV, files for the TensorFlow Embedding Projector, and animations of the latent map as an animated GIF or a
 * PNG sequence.
 *
 * <p>Plain Java (never JavaFX): the window and the command line both call it. Every writer replaces its files
 * atomically (a failure or a cancellation leaves what was there before), and every long one reports to a
 * {@link latentlab.compute.Progress} and stops with {@link latentlab.compute.CancelledException} when it is cancelled.
 */
package latentlab.io.export;
