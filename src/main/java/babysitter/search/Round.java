package babysitter.search;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

    /**
     * How many distinct values these trials try of each of this round's parameters (in the space's
     * order); trials of other rounds are left out. A grid of K values per axis tries at most K on
     * every axis however many trials it has, random search as many as it has trials.
     */
    public Map<String, Integer> distinctValues(Collection<Trial> trials) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Param p : space.params()) {
            Set<Object> values = new HashSet<>();
            for (Trial t : trials) {
                Object v = t.values().get(p.name());
                if (t.round() == index && v != null) {
                    values.add(v);
                }
            }
            out.put(p.name(), values.size());
        }
        return out;
    }
}
