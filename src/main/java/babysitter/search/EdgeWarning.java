package babysitter.search;

/**
 * The best trial of a round sits at an end of a parameter's range: the range should grow there,
 * not shrink.
 *
 * @param param   the parameter's name
 * @param side    which end
 * @param value   the best trial's value
 * @param message e.g. "learningRate: the best trial (#7, learningRate = 0.912) sits at the top of its range [0.001, 1]: grow the range, don't shrink it"
 */
public record EdgeWarning(String param, Param.Edge side, Object value, String message) {
}
