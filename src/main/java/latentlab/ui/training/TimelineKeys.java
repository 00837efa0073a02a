package latentlab.ui.training;

import javafx.event.EventHandler;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** The timeline's keys: {@code ,} one kept moment back, {@code .} one on (past the newest: live). */
public final class TimelineKeys implements EventHandler<KeyEvent> {
    private final TimelineViewModel vm;

    public TimelineKeys(TimelineViewModel vm) {
        this.vm = vm;
    }

    @Override
    public void handle(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        if (e.getCode() == KeyCode.COMMA) {
            vm.previous();
        } else if (e.getCode() == KeyCode.PERIOD) {
            vm.next();
        } else {
            return;
        }
        e.consume();
    }
}
