package babysitter.data;

import java.util.List;
import java.util.function.Function;

/**
 * An English sentence of a problem with numbered places for its values ({@code {0}}, {@code {1}}, …),
 * as the bundles write them: how many values it takes, and the sentence with them put in. Used by
 * the problems that keep their parts apart so that a window can say them in its language.
 */
public record Sentence(String english, int arity) {

    /** The sentence {@code english}; {@code ''} in it stands for one quote, as in the bundles. */
    public static Sentence of(String english) {
        int n = 0;
        while (english.contains("{" + n + "}")) {
            n++;
        }
        return new Sentence(english.replace("''", "'"), n);
    }

    /** The sentence with {@code values} in their places, each written by {@code written}. */
    public String with(List<Object> values, Function<Object, String> written) {
        String s = english;
        for (int i = 0; i < values.size(); i++) {
            s = s.replace("{" + i + "}", written.apply(values.get(i)));
        }
        return s;
    }

    /** Refuses {@code count} values unless the sentence takes that many. */
    public void requireValues(Object what, int count) {
        if (count != arity) {
            throw new IllegalArgumentException(what + " takes " + arity + " values, got " + count);
        }
    }
}
