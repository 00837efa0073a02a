package latentlab.nn.optim;

import java.lang.invoke.MethodHandles;

import latentlab.math.KernelSelector;

/** The optimisers' update rules as {@link KernelSelector} chose them, with the plain-Java ones beside. */
final class UpdateRules {
    static final AdamRule SCALAR_ADAM = new AdamRule.Scalar();
    static final AdamRule ADAM = KernelSelector.pick(MethodHandles.lookup(), AdamRule.class, SCALAR_ADAM,
            "latentlab.nn.optim.VectorAdamRule");
    static final SgdRule SCALAR_SGD = new SgdRule.Scalar();
    static final SgdRule SGD = KernelSelector.pick(MethodHandles.lookup(), SgdRule.class, SCALAR_SGD,
            "latentlab.nn.optim.VectorSgdRule");

    private UpdateRules() {
    }
}
