package latentlab.nn.activation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The activations by name, for model files, the command line and the UI. */
public final class Activations {
    private static final Map<String, Supplier<Activation>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("relu", Relu::new);
        BY_NAME.put("leakyrelu", LeakyRelu::new);
        BY_NAME.put("elu", Elu::new);
        BY_NAME.put("tanh", Tanh::new);
        BY_NAME.put("sigmoid", Sigmoid::new);
        BY_NAME.put("identity", Identity::new);
    }

    private Activations() {
    }

    /** The activation called {@code name} (case-insensitive; "linear" means identity). */
    public static Activation byName(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (key.equals("linear")) {
            key = "identity";
        }
        Supplier<Activation> s = BY_NAME.get(key);
        if (s == null) {
            throw new IllegalArgumentException("unknown activation '" + name + "' (known: " + String.join(", ", names())
                    + ")");
        }
        return s.get();
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
