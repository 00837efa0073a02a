package latentlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The thread that owns a training run, and the commands other threads give it: play, pause, single minibatches, an
 * epoch, reset, a task to run between two steps, the slow-motion speed, close. Commands are fields under one lock;
 * the thread waits on a condition for them (and, in slow motion, for the time of the next step on the
 * {@link TrainingClock}), so that nobody polls. What a step, a reset or a pause does is the {@link Session}'s.
 */
final class TrainingThread {
    /** Thread name, for debuggers and for tests that check the thread ended. */
    static final String NAME = "latentlab-trainer";

    /** What the thread runs; every method is called on the training thread. */
    interface Session {
        /** Before the first command: publish the first snapshot with codes. */
        void started();

        /** Trains on one minibatch; {@code continuous} while playing. */
        StepOutcome step(boolean continuous);

        /** After a step that did not diverge; {@code stillWorking} if more steps are due. */
        void stepped(boolean stillWorking, boolean epochEnded);

        /** The loss of the last step was not finite: roll back and say so (commands are already stopped). */
        void diverged();

        /** Training stopped between two steps (a pause): say so. */
        void paused();

        /** Start the run over. */
        void reset();

        /** The loop ended: after close ({@code failure} null) or because a step threw {@code failure}. */
        void ended(Throwable failure);
    }

    /** What a step came to. */
    enum StepOutcome { STEPPED, EPOCH_ENDED, DIVERGED }

    private enum Work { STEP, RESET, TASKS, PAUSED, CLOSE }

    private final TrainingClock clock;
    private final Session session;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled on every command; the thread waits on it for work or for the next step's time. */
    private final Condition wake = lock.newCondition();
    /** Signalled when the thread goes idle; {@link #awaitIdle} waits on it. */
    private final Condition idle = lock.newCondition();
    // Commands and the thread's status, guarded by lock.
    private boolean running;
    private int pendingBatches;
    private boolean pendingEpoch;
    /** While playing: epochs to finish before pausing by itself (0: no limit). */
    private int epochsLeft;
    private boolean resetRequested;
    private boolean closed;
    private boolean busy = true;
    private boolean pauseToAnnounce;
    private double maxStepsPerSecond = Double.POSITIVE_INFINITY;
    private long lastStepStart;
    private boolean stepped;
    private final List<Runnable> tasks = new ArrayList<>();

    TrainingThread(Session session, TrainingClock clock) {
        this.session = session;
        this.clock = clock;
        this.thread = new Thread(this::loop, NAME);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    // ------------------------------------------------------------------ commands (any thread)

    void play() {
        command(() -> {
            running = true;
            epochsLeft = 0;
        });
    }

    /** Plays until {@code epochs} more epochs have ended, then pauses. */
    void playEpochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        }
        command(() -> {
            running = true;
            epochsLeft = epochs;
        });
    }

    void pause() {
        command(() -> {
            running = false;
            epochsLeft = 0;
            pendingBatches = 0;
            pendingEpoch = false;
        });
    }

    void stepBatch() {
        command(() -> {
            if (!running) {
                pendingBatches++;
            }
        });
    }

    void stepEpoch() {
        command(() -> {
            if (!running) {
                pendingEpoch = true;
            }
        });
    }

    void reset() {
        command(() -> {
            running = false;
            pendingBatches = 0;
            pendingEpoch = false;
            resetRequested = true;
        });
    }

    void setMaxStepsPerSecond(double stepsPerSecond) {
        command(() -> maxStepsPerSecond = stepsPerSecond);
    }

    double maxStepsPerSecond() {
        return locked(() -> maxStepsPerSecond);
    }

    boolean isRunning() {
        return locked(() -> running);
    }

    private void command(Runnable r) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            r.run();
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private <T> T locked(java.util.function.Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code r} on the training thread between two steps and waits for it. */
    void runBetweenSteps(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        command(() -> tasks.add(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        }));
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the training thread did not answer");
        }
    }

    /** Runs {@code r} on the training thread before the next step, without waiting for it. */
    void runBeforeNextStep(Runnable r) {
        command(() -> tasks.add(r));
    }

    /**
     * Blocks until the thread is paused with no pending steps, or the timeout passes; returns whether it is idle.
     * Waits on a condition the thread signals when it goes idle.
     */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        lock.lock();
        try {
            while (!isIdle()) {
                if (left <= 0) {
                    return false;
                }
                left = idle.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean isIdle() {
        return closed || (!running && pendingBatches == 0 && !pendingEpoch && !resetRequested && !busy);
    }

    /** Stops the thread after the step it is in and waits for it to end. */
    void close() {
        lock.lock();
        try {
            closed = true;
            wake.signalAll();
            idle.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ the training thread

    private void loop() {
        Throwable failure = null;
        try {
            session.started();
            while (true) {
                Work w = awaitWork();
                if (w == Work.CLOSE) {
                    break;
                }
                switch (w) {
                    case TASKS -> runTasks();
                    case PAUSED -> session.paused();
                    case RESET -> session.reset();
                    default -> step();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            lock.lock();
            try {
                running = false;
                closed = true;
                busy = false;
                idle.signalAll();
            } finally {
                lock.unlock();
            }
            session.ended(failure);
        }
    }

    /**
     * The next thing to do, waiting for it if there is nothing: close, queued tasks, a reset, a step (in slow motion
     * not before its time), or, once, telling the session that training paused.
     */
    private Work awaitWork() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    return Work.CLOSE;
                }
                if (!tasks.isEmpty()) {
                    return Work.TASKS;
                }
                if (resetRequested) {
                    resetRequested = false;
                    pauseToAnnounce = false;
                    return Work.RESET;
                }
                if (running) {
                    long due = stepped && Double.isFinite(maxStepsPerSecond)
                            ? lastStepStart + (long) (1e9 / maxStepsPerSecond) : Long.MIN_VALUE;
                    if (due == Long.MIN_VALUE || clock.nanoTime() - due >= 0) {
                        return Work.STEP;
                    }
                    clock.awaitUntil(lock, wake, due);
                    continue;
                }
                if (pendingEpoch) {
                    return Work.STEP;
                }
                if (pendingBatches > 0) {
                    pendingBatches--;
                    return Work.STEP;
                }
                if (pauseToAnnounce) {
                    pauseToAnnounce = false;
                    return Work.PAUSED;
                }
                busy = false;
                idle.signalAll();
                wake.await();
                busy = true;
            }
        } finally {
            busy = true;
            lock.unlock();
        }
    }

    private void runTasks() {
        List<Runnable> todo;
        lock.lock();
        try {
            todo = new ArrayList<>(tasks);
            tasks.clear();
        } finally {
            lock.unlock();
        }
        todo.forEach(Runnable::run);
    }

    private void step() {
        boolean continuous;
        lock.lock();
        try {
            continuous = running;
            lastStepStart = clock.nanoTime();
            stepped = true;
        } finally {
            lock.unlock();
        }
        StepOutcome outcome = session.step(continuous);
        if (outcome == StepOutcome.DIVERGED) {
            lock.lock();
            try {
                running = false;
                pendingBatches = 0;
                pendingEpoch = false;
                pauseToAnnounce = false;
            } finally {
                lock.unlock();
            }
            session.diverged();
            return;
        }
        boolean epochEnded = outcome == StepOutcome.EPOCH_ENDED;
        boolean stillWorking;
        lock.lock();
        try {
            if (epochEnded) {
                pendingEpoch = false;
                if (running && epochsLeft > 0 && --epochsLeft == 0) {
                    running = false;
                }
            }
            stillWorking = running || pendingEpoch || pendingBatches > 0;
            pauseToAnnounce = stillWorking;
        } finally {
            lock.unlock();
        }
        session.stepped(stillWorking, epochEnded);
    }
}
