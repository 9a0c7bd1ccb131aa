package babysitter.search;

import java.util.Objects;

/**
 * One round of a search: a space and how its trials were picked.
 *
 * @param index             position in {@link Search#rounds()}, from 0 (shown to people as "round index+1")
 * @param space             the space its trials were drawn from
 * @param method            random or grid
 * @param trials            how many trials it has (for a grid: the grid's size)
 * @param gridValuesPerAxis values per axis of a grid, 0 for random
 * @param origin            "initial", "top 5 of round 1", "brushed on round 1", …
 */
public record Round(int index, SearchSpace space, Method method, int trials, int gridValuesPerAxis, String origin) {
    public Round {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(method, "method");
        origin = origin == null ? "" : origin;
    }
}
