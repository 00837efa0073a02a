package latentlab.ui.shell;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import latentlab.ui.common.Icons;
import latentlab.ui.session.Activatable;
import org.kordamp.ikonli.Ikon;

/**
 * The window's tabs. A tab's content is built when the tab is first selected (the window opens sooner, and nothing
 * runs for a tab never seen); content that is {@link Activatable} is told when its tab is selected and left.
 */
final class MainTabs extends TabPane {
    /** Tabs whose content is not built yet, and how to build it. */
    private final Map<Tab, Supplier<? extends Node>> unbuilt = new HashMap<>();

    MainTabs() {
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (was != null && was.getContent() instanceof Activatable a) {
                a.setActive(false);
            }
            if (now != null) {
                build(now);
                if (now.getContent() instanceof Activatable a) {
                    a.setActive(true);
                }
            }
        });
    }

    /** Adds a tab whose content exists from the start. */
    Tab add(String title, Ikon icon, String id, Node content) {
        Tab tab = new Tab(title, content);
        tab.setGraphic(Icons.icon(icon));
        tab.setId(id);
        getTabs().add(tab);
        return tab;
    }

    /** Adds a tab whose content {@code content} makes when the tab is first selected. */
    Tab addLazily(String title, Ikon icon, String id, Supplier<? extends Node> content) {
        Tab tab = add(title, icon, id, new StackPane());
        unbuilt.put(tab, content);
        return tab;
    }

    /** The content of {@code tab}, built now if it was not yet. */
    @SuppressWarnings("unchecked")
    <T extends Node> T content(Tab tab) {
        build(tab);
        return (T) tab.getContent();
    }

    private void build(Tab tab) {
        Supplier<? extends Node> make = unbuilt.remove(tab);
        if (make != null) {
            tab.setContent(make.get());
        }
    }
}
