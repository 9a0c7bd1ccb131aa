package babysitter.ui.fx;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.util.StringConverter;

/** Choice and combo boxes whose values show by a name in the window's language rather than by {@code toString}. */
public final class Named {
    private Named() {
    }

    /**
     * Shows each value by {@code name}; text typed back (an editable box) becomes the value of
     * {@code values} with that name, or null.
     */
    public static <T> StringConverter<T> by(Function<T, String> name, List<T> values) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return values.stream().filter(v -> Objects.equals(name.apply(v), text == null ? null : text.strip()))
                        .findFirst().orElse(null);
            }
        };
    }
}
