package latentlab.train;

import latentlab.compute.HeapBudget;
import latentlab.nn.Architecture;

/**
 * The heap a training run holds, estimated from its settings before anything is allocated, so that a network
 * that passes the parameter limit but not the heap is refused with a message ({@link HeapBudget}) instead of an
 * {@code OutOfMemoryError} in the middle of building it.
 *
 * <p>With P parameters, T threads, batch B, d pixels and W the summed widths of all layers, a {@link Trainer}
 * holds P floats for each of: the network, one gradient per thread, the optimiser's state (Adam: two moments;
 * SGD: the momentum), the last good model, the published snapshot and one snapshot on its way, and a checkpoint
 * being saved (weights and optimiser state again); then the workspaces of the step (pre-activations,
 * activations and deltas of B rows, split over the threads), the evaluation's (256 rows per thread) and the
 * batch and its corrupted copy (2 B d floats).
 */
public final class TrainingMemory {
    /** Rows per evaluation chunk, as in {@code eval.ReconstructionError}. */
    private static final int EVAL_ROWS = 256;

    private TrainingMemory() {
    }

    /** Bytes a run of {@code config} holds, roughly and on the high side. */
    public static long bytes(TrainingConfig config) {
        Architecture a = config.architecture();
        long p = a.parameterCount();
        int threads = config.threads();
        int optimizerBuffers = config.optimizer() == OptimizerKind.ADAM ? 2 : 1;
        long copies = 1 + threads + optimizerBuffers + 3 + 1 + optimizerBuffers;
        long widths = 0;
        for (int l = 0; l < a.layerCount(); l++) {
            widths += a.layerShape(l)[1];
        }
        long rows = config.batchSize() + (long) EVAL_ROWS * threads;
        return 4 * (p * copies + 3 * widths * rows + 2L * config.batchSize() * a.inputSize());
    }

    /**
     * Throws unless the heap can hold a run of {@code config} now.
     *
     * @throws latentlab.compute.NotEnoughMemoryException saying how much the run needs
     */
    public static void check(TrainingConfig config) {
        HeapBudget.require(bytes(config), "training " + config.architecture() + " ("
                + String.format("%,d", config.architecture().parameterCount()) + " parameters, batch "
                + config.batchSize() + ", " + config.threads() + " threads)");
    }
}
