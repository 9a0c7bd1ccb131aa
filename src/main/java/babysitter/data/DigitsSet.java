package babysitter.data;

import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code digits}: the shipped 1,797 hand-written digits of 8×8 pixels; nothing to set but the split. */
public record DigitsSet(SplitSettings settings) implements DataSpec {
    public DigitsSet {
        Objects.requireNonNull(settings, "settings");
        DataSpecJson.check("digits", null, null, null, null, null, null, null, settings.devFraction(),
                settings.testFraction());
    }

    @Override
    public String kind() {
        return "digits";
    }

    @Override
    public DigitsSet withDefaults() {
        return this;
    }

    @Override
    public DigitsSet withSettings(SplitSettings s) {
        return new DigitsSet(s);
    }

    @Override
    public Split read(long dataSeed, long splitSeed, DataType storage) {
        return Splitter.split(Digits.load().stored(storage), devFraction(), testFraction(), splitSeed, shuffleSplit());
    }

    @Override
    public String source() {
        return "digits";
    }
}
