package latentlab.ui.training;

import latentlab.train.LossTrace;

/**
 * Another run's loss curve drawn over the live one's in the loss chart.
 *
 * @param current         the name of the run the chart shows, e.g. "Run 2"
 * @param other           the other run's name, e.g. "Run 1"
 * @param losses          the other run's batch losses
 * @param batchesPerEpoch its minibatches per epoch (its batch size may differ: the chart's x axis is epochs)
 */
public record LossOverlay(String current, String other, LossTrace.View losses, int batchesPerEpoch) {
}
