package babysitter.search;

import babysitter.engine.InvalidValue;

/**
 * Values of a search space that make no network because one of them breaks its rule: the values
 * tried, as the message writes them, and the value that broke its rule.
 */
public final class InvalidCombination extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String combination;
    private final transient InvalidValue problem;

    InvalidCombination(String combination, InvalidValue problem) {
        super(combination + ": " + problem.getMessage(), problem);
        this.combination = combination;
        this.problem = problem;
    }

    /** The values tried: "learningRate=0.01, beta1=1". */
    public String combination() {
        return combination;
    }

    public InvalidValue problem() {
        return problem;
    }
}
