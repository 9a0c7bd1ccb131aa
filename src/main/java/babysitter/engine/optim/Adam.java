package babysitter.engine.optim;

import babysitter.engine.Hyperparameters;

/**
 * v = β1·v + (1−β1)·dP; s = β2·s + (1−β2)·dP²; v̂ = v/(1−β1^t); ŝ = s/(1−β2^t);
 * P −= α·v̂ / (√ŝ + ε), with t counted from 1.
 */
public final class Adam implements Optimizer {
    static final Adam INSTANCE = new Adam();

    private Adam() {
    }

    @Override
    public void update(double[] p, double[] g, double[] v, double[] s, int from, int to, long t, Hyperparameters hp, double alpha) {
        double b1 = hp.beta1();
        double b2 = hp.beta2();
        double eps = hp.epsilon();
        double c1 = 1 - Math.pow(b1, t);
        double c2 = 1 - Math.pow(b2, t);
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double vi = b1 * v[i] + (1 - b1) * gi;
            double si = b2 * s[i] + (1 - b2) * gi * gi;
            v[i] = vi;
            s[i] = si;
            double vHat = vi / c1;
            double sHat = si / c2;
            p[i] -= alpha * vHat / (Math.sqrt(sHat) + eps);
        }
    }

    @Override
    public void update(float[] p, float[] g, float[] v, float[] s, int from, int to, long t, Hyperparameters hp, double alpha) {
        float b1 = (float) hp.beta1();
        float b2 = (float) hp.beta2();
        float oneMinusB1 = (float) (1 - hp.beta1());
        float oneMinusB2 = (float) (1 - hp.beta2());
        float eps = (float) hp.epsilon();
        // v̂ = v/(1−β1^t) and ŝ = s/(1−β2^t) as products with the reciprocals: one division per
        // parameter instead of three.
        float inverseC1 = (float) (1 / (1 - Math.pow(hp.beta1(), t)));
        float inverseC2 = (float) (1 / (1 - Math.pow(hp.beta2(), t)));
        float a = (float) alpha;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float vi = b1 * v[i] + oneMinusB1 * gi;
            float si = b2 * s[i] + oneMinusB2 * gi * gi;
            v[i] = vi;
            s[i] = si;
            float vHat = vi * inverseC1;
            float sHat = si * inverseC2;
            p[i] -= a * vHat / ((float) Math.sqrt(sHat) + eps);
        }
    }
}
