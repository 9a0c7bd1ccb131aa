package babysitter.data;

import org.nd4j.linalg.api.buffer.DataType;

/** How a data set's features are stored when a configuration says so rather than following the network. */
public enum DataPrecision {
    /** float32: half the memory; each value rounded to the nearest float32. */
    FLOAT32(DataType.FLOAT),
    /** float64: each value as read or generated. */
    FLOAT64(DataType.DOUBLE);

    private final DataType dataType;

    DataPrecision(DataType dataType) {
        this.dataType = dataType;
    }

    /** FLOAT or DOUBLE. */
    public DataType dataType() {
        return dataType;
    }
}
