package org.gatewaybench.reports.confidence;

import java.util.random.RandomGenerator;

/** Draws from the Beta distribution, as the ratio of two Gamma draws (Marsaglia and Tsang's method). */
final class Beta {

    private Beta() {
    }

    /** A Beta(a, b) draw, for a, b >= 1. */
    static double draw(double a, double b, RandomGenerator random) {
        double x = gamma(a, random);
        double y = gamma(b, random);
        return x / (x + y);
    }

    /** A Gamma(shape, 1) draw for shape >= 1 (G. Marsaglia, W. W. Tsang, ACM TOMS 26(3), 2000). */
    static double gamma(double shape, RandomGenerator random) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
