package babysitter.search.importance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.IndependentRegressionTreeModel;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * The surrogate of the objective: bagged regression trees fitted with Tribuo (CART, squared error,
 * grown until a leaf holds one trial, every parameter considered at every split — the forest
 * Optuna's fANOVA evaluator fits), handed back as plain {@link Tree}s so that the decomposition does
 * not depend on Tribuo's classes.
 */
final class Forest {
    /** Trees of the forest (Optuna's default). */
    static final int TREES = 64;
    /** Deepest split (Optuna's default; with a few hundred trials the trees stop earlier anyway). */
    static final int MAX_DEPTH = 64;
    private static final String OUTPUT = "objective";

    /**
     * Tribuo logs each bagging member at INFO through java.util.logging: not for a person's console.
     * Held in a field: java.util.logging keeps only weak references to its loggers (and their levels).
     */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private Forest() {
    }

    /**
     * Fits {@code trees} trees to the rows of x (unit coordinates, one column per parameter) and y.
     * The same inputs and seed give the same trees.
     */
    static List<Tree> fit(double[][] x, double[] y, int trees, long seed) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("need as many objective values as trials (at least one), got "
                    + x.length + " and " + y.length);
        }
        int d = x[0].length;
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = featureName(j);
        }
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("search trials", factory), factory);
        for (int i = 0; i < x.length; i++) {
            data.add(new ArrayExample<>(new Regressor(OUTPUT, y[i]), names, x[i].clone()));
        }
        CARTRegressionTrainer cart = new CARTRegressionTrainer(MAX_DEPTH, 1f, 0f, 1f, false, new MeanSquaredError(), seed);
        BaggingTrainer<Regressor> bagging = new BaggingTrainer<>(cart, new AveragingCombiner(), trees, seed);
        Model<Regressor> model = bagging.train(data);
        List<Tree> out = new ArrayList<>();
        for (Model<Regressor> member : ((EnsembleModel<Regressor>) model).getModels()) {
            out.add(flatten((TreeModel<Regressor>) member));
        }
        return out;
    }

    private static String featureName(int j) {
        return "p" + j;
    }

    private static Tree flatten(TreeModel<Regressor> model) {
        Map<Integer, Integer> column = new HashMap<>();
        model.getFeatureIDMap().forEach(info -> column.put(model.getFeatureIDMap().getID(info.getName()),
                Integer.parseInt(info.getName().substring(1))));
        List<int[]> links = new ArrayList<>(); // {feature, low, high}
        List<double[]> numbers = new ArrayList<>(); // {threshold, value}
        // A single-output CART model keeps its tree under the output's name, not as getRoot().
        Node<Regressor> root = model instanceof IndependentRegressionTreeModel independent
                ? independent.getRoots().get(OUTPUT) : model.getRoot();
        add(root, column, links, numbers);
        int n = links.size();
        int[] feature = new int[n];
        int[] low = new int[n];
        int[] high = new int[n];
        double[] threshold = new double[n];
        double[] value = new double[n];
        for (int k = 0; k < n; k++) {
            feature[k] = links.get(k)[0];
            low[k] = links.get(k)[1];
            high[k] = links.get(k)[2];
            threshold[k] = numbers.get(k)[0];
            value[k] = numbers.get(k)[1];
        }
        return new Tree(feature, threshold, low, high, value);
    }

    /** Adds {@code node} and its subtree depth first; returns its index. */
    private static int add(Node<Regressor> node, Map<Integer, Integer> column, List<int[]> links, List<double[]> numbers) {
        int k = links.size();
        if (node instanceof SplitNode<Regressor> split) {
            int[] link = {column.get(split.getFeatureID()), -1, -1};
            links.add(link);
            numbers.add(new double[] {split.splitValue(), Double.NaN});
            link[1] = add(split.getLessThanOrEqual(), column, links, numbers);
            link[2] = add(split.getGreaterThan(), column, links, numbers);
        } else {
            links.add(new int[] {-1, -1, -1});
            numbers.add(new double[] {Double.NaN, ((LeafNode<Regressor>) node).getOutput().getValues()[0]});
        }
        return k;
    }
}
