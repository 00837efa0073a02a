package latentlab.ui.common;

/** A linear map from data values {@code a..b} to pixels {@code pa..pb} (b below a for a vertical axis). */
record ChartScale(double a, double b, double pa, double pb) {
    double at(double v) {
        return pa + (v - a) / (b - a) * (pb - pa);
    }
}
