package babysitter.engine.optim;

import babysitter.engine.Hyperparameters;

/** P −= α·dP. */
public final class Sgd implements Optimizer {
    static final Sgd INSTANCE = new Sgd();

    private Sgd() {
    }

    @Override
    public void update(double[] p, double[] g, double[] v, double[] s, int from, int to, long t, Hyperparameters hp, double alpha) {
        for (int i = from; i < to; i++) {
            p[i] -= alpha * g[i];
        }
    }

    @Override
    public void update(float[] p, float[] g, float[] v, float[] s, int from, int to, long t, Hyperparameters hp, double alpha) {
        float a = (float) alpha;
        for (int i = from; i < to; i++) {
            p[i] -= a * g[i];
        }
    }
}
