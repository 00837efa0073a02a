package latentlab.ui.explorer;

import latentlab.morpho.Morphometric;

/**
 * What the colour of a point in the latent map shows: its label (a categorical palette, with a legend), or a
 * number per image on a continuous colour map (with a colour bar): its reconstruction error, one coordinate of
 * its code, or one morphometric of the image (its slant, its stroke thickness, …).
 */
public sealed interface ColourBy permits ColourBy.Label, ColourBy.Error, ColourBy.Dimension, ColourBy.Measure {
    /** The label, in the theme's palette. */
    ColourBy LABEL = new Label();
    /** The squared reconstruction error of each image under the current model. */
    ColourBy ERROR = new Error();

    /** Shown in the chooser, e.g. "digit", "reconstruction error", "a2". */
    String describe(String axisPrefix);

    /** Whether the colours come from a continuous colour map. */
    default boolean continuous() {
        return true;
    }

    /** Colour by label. */
    record Label() implements ColourBy {
        @Override
        public String describe(String axisPrefix) {
            return "digit";
        }

        @Override
        public boolean continuous() {
            return false;
        }
    }

    /** Colour by reconstruction error. */
    record Error() implements ColourBy {
        @Override
        public String describe(String axisPrefix) {
            return "reconstruction error";
        }
    }

    /** Colour by latent dimension {@code index} (0-based). */
    record Dimension(int index) implements ColourBy {
        public Dimension {
            if (index < 0) {
                throw new IllegalArgumentException("dimension " + index);
            }
        }

        @Override
        public String describe(String axisPrefix) {
            return axisPrefix + (index + 1);
        }
    }

    /** Colour by one morphometric of each image (measured on the images themselves, not their codes). */
    record Measure(Morphometric property) implements ColourBy {
        public Measure {
            if (property == null) {
                throw new IllegalArgumentException("no property");
            }
        }

        @Override
        public String describe(String axisPrefix) {
            return property.id() + " (" + property.unit() + ")";
        }
    }
}
