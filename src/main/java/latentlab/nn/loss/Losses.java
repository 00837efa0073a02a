package latentlab.nn.loss;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The losses by name. */
public final class Losses {
    private static final Map<String, Supplier<Loss>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("bce", BinaryCrossEntropy::new);
        BY_NAME.put("se", SquaredError::new);
    }

    private Losses() {
    }

    /** "bce" (or "cross-entropy") and "se" (or "squared-error", "mse"). */
    public static Loss byName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Map<String, String> aliases = Map.of("cross-entropy", "bce", "crossentropy", "bce", "squared-error", "se",
                "mse", "se", "squared", "se");
        key = aliases.getOrDefault(key, key);
        Supplier<Loss> s = BY_NAME.get(key);
        if (s == null) {
            throw new IllegalArgumentException("unknown loss '" + name + "' (known: bce, se)");
        }
        return s.get();
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
