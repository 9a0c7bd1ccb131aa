/**
 * Labelled data for one training run: an in-memory {@link babysitter.data.Dataset} of float32
 * features, its loaders (synthetic 2-D sets, the shipped digits, IDX and CSV files), the split into
 * train/dev/test, standardisation with training statistics and a mini-batch iterator that fills
 * reused ND4J arrays. All randomness comes from an injected, seeded {@link babysitter.data.SeededRandom}.
 */
package babysitter.data;
