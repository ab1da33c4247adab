package freezer.image.qstr;

/**
 * The firmware's qstr storage (its header's {@code QCFG} lines): how many bytes hold each
 * frozen qstr's length and hash. mpy-tool.py assumes 1 and 1 when it is given no header.
 */
public record QstrConfig(int bytesInLen, int bytesInHash) {
    public static final QstrConfig WITHOUT_HEADER = new QstrConfig(1, 1);

    public QstrConfig {
        if (bytesInLen < 1 || bytesInLen > 2 || bytesInHash < 0 || bytesInHash > 2) {
            throw new IllegalArgumentException("BYTES_IN_LEN " + bytesInLen + ", BYTES_IN_HASH " + bytesInHash);
        }
    }
}
