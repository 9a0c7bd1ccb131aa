package babysitter.search;

/** How a round picks its trials: random points (the default) or a grid. */
public enum Method { RANDOM, GRID }
