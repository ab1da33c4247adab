package freezer.image.qstr;

/**
 * py/qstr.c qstr_compute_hash (makeqstrdata.py compute_hash): djb2 with xor over the bytes,
 * cut to the configured number of hash bytes (two when that is 0, as qstr.c does), and never
 * 0, which means "not computed".
 */
public final class QstrHash {
    private QstrHash() {
    }

    /** The hash of a byte string's bytes. */
    public static int compute(String byteString, int bytesInHash) {
        long h = 5381;
        for (int i = 0; i < byteString.length(); i++) {
            h = (h * 33) ^ (byteString.charAt(i) & 0xff);
        }
        int bits = 8 * (bytesInHash == 0 ? 2 : bytesInHash);
        long mask = bits >= 32 ? 0xffffffffL : (1L << bits) - 1;
        int v = (int) (h & mask);
        return v == 0 ? 1 : v;
    }
}
