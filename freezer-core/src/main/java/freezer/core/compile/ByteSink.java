package freezer.core.compile;

import java.util.Arrays;

/** A growable byte buffer for one part of a function being emitted. */
final class ByteSink {
    private byte[] buf = new byte[64];
    private int size;

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** The buffer itself; only the first {@link #size()} bytes are meaningful. */
    byte[] bytes() {
        return buf;
    }

    void write(int b) {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, size * 2);
        }
        buf[size++] = (byte) b;
    }

    void write(byte[] bytes) {
        for (byte b : bytes) {
            write(b);
        }
    }

    /** bc.c mp_encode_uint: 7 bits a byte, most significant first, high bit = more follow. */
    void writeUint(long value) {
        byte[] tmp = new byte[10];
        int p = tmp.length;
        do {
            tmp[--p] = (byte) (value & 0x7f);
            value >>>= 7;
        } while (value != 0);
        for (int i = p; i < tmp.length - 1; i++) {
            write(tmp[i] | 0x80);
        }
        write(tmp[tmp.length - 1]);
    }
}
