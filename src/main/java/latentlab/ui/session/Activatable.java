package latentlab.ui.session;

/**
 * Content of a tab: told when its tab becomes the selected one and when it stops being it, so that it works (polls,
 * fits, measures) only while seen. The window calls it on tab changes; nothing dispatches on a tab's index.
 */
public interface Activatable {
    /** The tab was selected ({@code true}) or another one was ({@code false}). */
    void setActive(boolean active);
}
