package babysitter.engine.optim;

import babysitter.engine.Hyperparameters;

/** s = β2·s + (1−β2)·dP²; P −= α·dP / (√s + ε). */
public final class RmsProp implements Optimizer {
    static final RmsProp INSTANCE = new RmsProp();

    private RmsProp() {
    }

    @Override
    public void update(double[] p, double[] g, double[] v, double[] s, int from, int to, long t, Hyperparameters hp, double alpha) {
        double b2 = hp.beta2();
        double oneMinus = 1 - b2;
        double eps = hp.epsilon();
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double si = b2 * s[i] + oneMinus * gi * gi;
            s[i] = si;
            p[i] -= alpha * gi / (Math.sqrt(si) + eps);
        }
    }

    @Override
    public void update(float[] p, float[] g, float[] v, float[] s, int from, int to, long t, Hyperparameters hp, double alpha) {
        float b2 = (float) hp.beta2();
        float oneMinus = (float) (1 - hp.beta2());
        float eps = (float) hp.epsilon();
        float a = (float) alpha;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float si = b2 * s[i] + oneMinus * gi * gi;
            s[i] = si;
            p[i] -= a * gi / ((float) Math.sqrt(si) + eps);
        }
    }
}
