package latentlab.train;

import java.util.Locale;

import latentlab.nn.optim.Adam;
import latentlab.nn.optim.Optimizer;
import latentlab.nn.optim.Sgd;

/** The optimisers a training run can use, each knowing how to build itself. */
public enum OptimizerKind {
    ADAM("adam", "Adam") {
        @Override
        public Optimizer create(int size, double lr, double momentum, double weightDecay) {
            return new Adam(size, lr, 0.9, 0.999, 1e-8, weightDecay);
        }
    },
    SGD("sgd", "SGD with momentum") {
        @Override
        public Optimizer create(int size, double lr, double momentum, double weightDecay) {
            return new Sgd(size, lr, momentum, weightDecay);
        }
    };

    private final String id;
    private final String title;

    OptimizerKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** A fresh optimiser for {@code size} parameters. */
    public abstract Optimizer create(int size, double lr, double momentum, double weightDecay);

    /** "adam" or "sgd". */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The kind called {@code name} ("adam", "sgd"). */
    public static OptimizerKind byName(String name) {
        for (OptimizerKind k : values()) {
            if (k.id.equals(name.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + name + "' (known: adam, sgd)");
    }

    @Override
    public String toString() {
        return title;
    }
}
