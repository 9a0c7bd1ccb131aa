package babysitter.engine;

import org.nd4j.linalg.api.buffer.DataType;

/** The floating-point type a network computes in: float32 by default, float64 for checks. */
public enum Precision {
    FLOAT32(DataType.FLOAT, "<f4"),
    FLOAT64(DataType.DOUBLE, "<f8");

    private final DataType dataType;
    private final String npyDescr;

    Precision(DataType dataType, String npyDescr) {
        this.dataType = dataType;
        this.npyDescr = npyDescr;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The NumPy type string of this precision, little-endian. */
    public String npyDescr() {
        return npyDescr;
    }
}
