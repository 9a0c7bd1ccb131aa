/**
 * Hyperparameter search ("caviar"): a space of hyperparameters on their scales (linear, log,
 * one-minus-log, integer, powers of two, choice), random and grid search, coarse-to-fine rounds,
 * trials run in parallel as ordinary recorded runs, early stopping of poor trials, and a search
 * kept on disk that resumes after the process is killed. Toolkit-free.
 */
package babysitter.search;
