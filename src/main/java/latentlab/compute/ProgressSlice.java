package latentlab.compute;


/**
 * One step of a longer job: the step's own progress (any unit) mapped onto [from, to) of the job's total, so that a
 * job of several steps reports one bar that only moves forward. Cancellation is the job's.
 */
public final class ProgressSlice implements Progress {
    private final Progress job;
    private final double from;
    private final double to;
    private final double total;

    public ProgressSlice(Progress job, double from, double to, double total) {
        this.job = job;
        this.from = from;
        this.to = to;
        this.total = total;
    }

    @Override
    public void update(double done, double stepTotal, String message) {
        double f = stepTotal > 0 ? Math.min(1, Math.max(0, done / stepTotal)) : 0;
        job.update(from + (to - from) * f, total, message);
    }

    @Override
    public boolean isCancelled() {
        return job.isCancelled();
    }
}
