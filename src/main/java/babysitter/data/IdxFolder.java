package babysitter.data;

import java.nio.file.Path;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code idx}: a folder of the four MNIST-style files (required); the "t10k" files are the test part,
 * so the test fraction is ignored.
 */
public record IdxFolder(String path, SplitSettings settings) implements DataSpec {
    public IdxFolder {
        Objects.requireNonNull(settings, "settings");
        DataSpecJson.check("idx", null, null, null, null, path, null, null, settings.devFraction(),
                settings.testFraction());
    }

    @Override
    public String kind() {
        return "idx";
    }

    @Override
    public IdxFolder withDefaults() {
        return this;
    }

    @Override
    public IdxFolder withSettings(SplitSettings s) {
        return new IdxFolder(path, s);
    }

    @Override
    public Split read(long dataSeed, long splitSeed, DataType storage) {
        return IdxLoader.loadFolder(Path.of(path), devFraction(), splitSeed, shuffleSplit(), storage);
    }

    @Override
    public String source() {
        return "idx " + path;
    }
}
