package freezer.image.flash;

import java.io.ByteArrayOutputStream;

/**
 * Intel HEX of a binary placed at an address, as GNU objcopy writes it for
 * {@code objcopy -I binary -O ihex --change-addresses ADDR} (binutils bfd/ihex.c, 2.40): 16 data
 * bytes a record, never across a 64 KiB boundary; below 1 MiB extended segment addresses (type
 * 02), from 1 MiB up extended linear addresses (type 04, after a zero segment record if a segment
 * was in force); no address record while the upper part is 0; the start address (ADDR, moved
 * with the data) as type 03 below 1 MiB or type 05 from there, none when it is 0; lines in upper
 * case ending in CR LF.
 */
public final class IntelHexWriter {
    /** Data bytes per record (ihex.c's CHUNK). */
    public static final int RECORD_BYTES = 16;
    /** The highest address Intel HEX can hold. */
    public static final long MAX_ADDRESS = 0xFFFF_FFFFL;

    private static final long SEGMENT_LIMIT = 0xF_FFFFL;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private IntelHexWriter() {
    }

    /**
     * @throws IllegalArgumentException for empty data (objcopy refuses an empty input) or data
     *     that would reach past {@link #MAX_ADDRESS}
     */
    public static byte[] write(byte[] data, long address) {
        if (data.length == 0) {
            throw new IllegalArgumentException("the input is empty");
        }
        if (address < 0 || address > MAX_ADDRESS - (data.length - 1)) {
            throw new IllegalArgumentException(String.format("address 0x%x out of range for Intel HEX: %d bytes there"
                    + " reach past 0x%X", address, data.length, MAX_ADDRESS));
        }
        IntelHexWriter w = new IntelHexWriter();
        w.data(data, address);
        w.start(address);
        w.record(IntelHexRecord.END_OF_FILE, 0, new byte[0], 0, 0);
        return w.out.toByteArray();
    }

    private void data(byte[] data, long address) {
        long segmentBase = 0;
        long linearBase = 0;
        long where = address;
        int p = 0;
        while (p < data.length) {
            int now = Math.min(RECORD_BYTES, data.length - p);
            if (where > segmentBase + linearBase + 0xFFFF) {
                if (linearBase == 0 && where <= SEGMENT_LIMIT) {
                    segmentBase = where & 0xF0000;
                    record(IntelHexRecord.EXTENDED_SEGMENT_ADDRESS, 0, be16(segmentBase >> 4), 0, 2);
                } else {
                    if (segmentBase != 0) {
                        // readers may add both bases: clear the segment before going linear
                        record(IntelHexRecord.EXTENDED_SEGMENT_ADDRESS, 0, be16(0), 0, 2);
                        segmentBase = 0;
                    }
                    linearBase = where & 0xFFFF_0000L;
                    record(IntelHexRecord.EXTENDED_LINEAR_ADDRESS, 0, be16(linearBase >> 16), 0, 2);
                }
            }
            int offset = (int) (where - (linearBase + segmentBase));
            if (offset + now > 0xFFFF) {
                now = 0x10000 - offset;
            }
            record(IntelHexRecord.DATA, offset, data, p, now);
            where += now;
            p += now;
        }
    }

    private void start(long start) {
        if (start == 0) {
            return;
        }
        if (start <= SEGMENT_LIMIT) {
            byte[] csip = {(byte) ((start & 0xF0000) >> 12), 0, (byte) (start >> 8), (byte) start};
            record(IntelHexRecord.START_SEGMENT_ADDRESS, 0, csip, 0, 4);
        } else {
            byte[] eip = {(byte) (start >> 24), (byte) (start >> 16), (byte) (start >> 8), (byte) start};
            record(IntelHexRecord.START_LINEAR_ADDRESS, 0, eip, 0, 4);
        }
    }

    private static byte[] be16(long v) {
        return new byte[] {(byte) (v >> 8), (byte) v};
    }

    /** {@code :LLAAAATT<data>CC} and CR LF; CC makes the bytes of the line sum to 0. */
    private void record(IntelHexRecord type, int offset, byte[] data, int from, int count) {
        int sum = count + (offset >> 8) + offset + type.type();
        StringBuilder line = new StringBuilder(11 + 2 * count + 2);
        line.append(':');
        hex(line, count);
        hex(line, offset >> 8);
        hex(line, offset);
        hex(line, type.type());
        for (int i = from; i < from + count; i++) {
            hex(line, data[i]);
            sum += data[i];
        }
        hex(line, -sum);
        line.append("\r\n");
        for (int i = 0; i < line.length(); i++) {
            out.write(line.charAt(i));
        }
    }

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private static void hex(StringBuilder sb, int b) {
        sb.append(DIGITS[(b >> 4) & 0xF]).append(DIGITS[b & 0xF]);
    }
}
