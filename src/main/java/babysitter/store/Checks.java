package babysitter.store;

/** Argument checks shared by the records of this package; messages name the value and the rule. */
final class Checks {
    private Checks() {
    }

    static void nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }

    /** NaN (not measured) or a number in [0, 1]. */
    static void fractionOrNaN(String name, double value) {
        if (!Double.isNaN(value) && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1] or NaN, got " + value);
        }
    }

    /** NaN (not measured) or a number &gt;= 0, infinity included. */
    static void nonNegativeOrNaN(String name, double value) {
        if (!Double.isNaN(value) && !(value >= 0)) {
            throw new IllegalArgumentException(name + " must be >= 0 or NaN, got " + value);
        }
    }
}
