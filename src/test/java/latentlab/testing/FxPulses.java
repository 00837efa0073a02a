package latentlab.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import javafx.animation.AnimationTimer;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits for frames of the FX thread (animation pulses) instead of for wall-clock time: "nothing happened for ten
 * frames" holds however slow the machine is. The timeout only guards against a stopped FX thread.
 */
public final class FxPulses {
    private FxPulses() {
    }

    /** Returns once {@code count} more pulses have run on the FX thread (call from a test thread). */
    public static void await(int count) throws TimeoutException {
        AtomicLong pulses = new AtomicLong();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        WaitForAsyncUtils.asyncFx(timer::start);
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> pulses.get() > count);
        } finally {
            WaitForAsyncUtils.asyncFx(timer::stop);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
