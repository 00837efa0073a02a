package latentlab.io.model;

import latentlab.io.format.LabFileException;
import latentlab.nn.Autoencoder;
import latentlab.nn.Dense;

/** The check a loaded network must pass before anything computes with it: every weight and bias finite. */
final class FiniteWeights {
    private FiniteWeights() {
    }

    /**
     * Refuses a network with weights or biases that are NaN or infinite, naming the first layer that has them: such
     * a network computes NaN for every image, so every command and view would show nonsense.
     */
    static void require(String name, Autoencoder ae) throws LabFileException {
        float[] p = ae.parameters();
        int encoderLayers = ae.architecture().encoderLayers();
        for (int l = 0; l < ae.layerCount(); l++) {
            Dense layer = ae.layer(l);
            int nan = 0;
            int infinite = 0;
            for (int i = layer.weightOffset(); i < layer.weightOffset() + layer.parameterCount(); i++) {
                if (Float.isNaN(p[i])) {
                    nan++;
                } else if (Float.isInfinite(p[i])) {
                    infinite++;
                }
            }
            if (nan + infinite > 0) {
                String which = l < encoderLayers ? "encoder layer " + (l + 1) : "decoder layer " + (l + 1 - encoderLayers);
                throw new LabFileException(String.format(java.util.Locale.ROOT, "%s: %s (%d -> %d) has %s; the "
                        + "network cannot compute anything (it was saved after training diverged, or the file is "
                        + "damaged)", name, which, layer.inputs(), layer.outputs(), nan == 0
                        ? infinite + " infinite parameter" + (infinite == 1 ? "" : "s")
                        : nan + " NaN parameter" + (nan == 1 ? "" : "s")
                        + (infinite == 0 ? "" : " and " + infinite + " infinite")));
            }
        }
    }
}
