package babysitter.engine.optim;

import babysitter.engine.Hyperparameters;

/** v = β·v + (1−β)·dP; P −= α·v. */
public final class Momentum implements Optimizer {
    static final Momentum INSTANCE = new Momentum();

    private Momentum() {
    }

    @Override
    public void update(double[] p, double[] g, double[] v, double[] s, int from, int to, long t, Hyperparameters hp, double alpha) {
        double beta = hp.momentum();
        double oneMinus = 1 - beta;
        for (int i = from; i < to; i++) {
            double vi = beta * v[i] + oneMinus * g[i];
            v[i] = vi;
            p[i] -= alpha * vi;
        }
    }

    @Override
    public void update(float[] p, float[] g, float[] v, float[] s, int from, int to, long t, Hyperparameters hp, double alpha) {
        float beta = (float) hp.momentum();
        float oneMinus = (float) (1 - hp.momentum());
        float a = (float) alpha;
        for (int i = from; i < to; i++) {
            float vi = beta * v[i] + oneMinus * g[i];
            v[i] = vi;
            p[i] -= a * vi;
        }
    }
}
