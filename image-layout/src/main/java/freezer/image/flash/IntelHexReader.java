package freezer.image.flash;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads Intel HEX: every line a record ({@code :LLAAAATT<data>CC}, CR LF or LF), checksums
 * checked, extended segment (02) and linear (04) addresses applied, data merged into runs, and
 * an end-of-file record required; blank lines are allowed, anything after the end-of-file
 * record is not. Problems name the line and the byte offset.
 */
public final class IntelHexReader {
    // a count byte of 255: 1 + 2 * (5 + 255) characters
    private static final int MAX_LINE = 1 + 2 * (5 + 255);
    // hex digits of a record's count, address and type
    private static final int FIELDS = 8;

    private final byte[] file;
    private final List<Run> runs = new ArrayList<>();
    private Run current;
    private long base;
    private int records;
    private Long start;
    private IntelHexRecord startRecord;

    private IntelHexReader(byte[] file) {
        this.file = file;
    }

    /**
     * Whether the bytes look like Intel HEX: a ':' and then a record's count, address and type
     * in hex digits (uf2conv.py's is_hex asks for hex digits throughout; a damaged record further
     * on should be reported, not taken for binary).
     */
    public static boolean looksLikeHex(byte[] data) {
        if (data.length < FIELDS + 1 || data[0] != ':') {
            return false;
        }
        for (int i = 1; i <= FIELDS; i++) {
            if (data[i] < 0 || Character.digit(data[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    public static FlashContents.IntelHex read(byte[] file) throws FlashFormatException {
        IntelHexReader r = new IntelHexReader(file);
        r.readLines();
        return new FlashContents.IntelHex(r.segments(), r.records, r.start, r.startRecord);
    }

    /** A run of data being collected, and the line it began on. */
    private static final class Run {
        final long address;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final int line;
        final long offset;

        Run(long address, int line, long offset) {
            this.address = address;
            this.line = line;
            this.offset = offset;
        }

        long end() {
            return address + data.size();
        }
    }

    private void readLines() throws FlashFormatException {
        int pos = 0;
        int line = 0;
        boolean ended = false;
        while (pos < file.length) {
            line++;
            int eol = pos;
            while (eol < file.length && file[eol] != '\n') {
                if (eol - pos > MAX_LINE + 1) {
                    throw new FlashFormatException(pos, "line " + line + ": longer than any Intel HEX record");
                }
                eol++;
            }
            int end = eol > pos && file[eol - 1] == '\r' ? eol - 1 : eol;
            if (end > pos) {
                if (ended) {
                    throw new FlashFormatException(pos, "line " + line + ": a record after the end-of-file record");
                }
                ended = record(pos, end, line);
            }
            pos = eol + 1;
        }
        if (!ended) {
            throw new FlashFormatException(file.length, "truncated: no end-of-file record (:00000001FF)");
        }
    }

    /** One record in file[from, to); returns whether it is the end-of-file record. */
    private boolean record(int from, int to, int line) throws FlashFormatException {
        String where = "line " + line + ": ";
        if (file[from] != ':') {
            throw new FlashFormatException(from, where + "a record starts with ':'");
        }
        int digits = to - from - 1;
        if (digits % 2 != 0 || digits < 10) {
            throw new FlashFormatException(from, where + "a record has an even number of hex digits, at least 10;"
                    + " this one has " + digits);
        }
        byte[] b = new byte[digits / 2];
        for (int i = 0; i < b.length; i++) {
            int at = from + 1 + 2 * i;
            b[i] = (byte) (hexDigit(at, where) << 4 | hexDigit(at + 1, where));
        }
        int count = b[0] & 0xff;
        if (b.length != count + 5) {
            throw new FlashFormatException(from, where + "the record says " + count + " data bytes but has "
                    + (b.length - 5));
        }
        int sum = 0;
        for (byte x : b) {
            sum += x;
        }
        if ((sum & 0xff) != 0) {
            int expected = (b[b.length - 1] - sum) & 0xff;
            throw new FlashFormatException(to - 2, where + String.format("checksum %02X is wrong (the record's bytes"
                    + " need %02X)", b[b.length - 1] & 0xff, expected));
        }
        records++;
        int offset = (b[1] & 0xff) << 8 | (b[2] & 0xff);
        IntelHexRecord type = IntelHexRecord.of(b[3] & 0xff);
        if (type == null) {
            throw new FlashFormatException(from + 7, where + String.format("unknown record type %02X", b[3] & 0xff));
        }
        switch (type) {
            case DATA:
                data(base + offset, b, count, line, from);
                return false;
            case END_OF_FILE:
                return true;
            case EXTENDED_SEGMENT_ADDRESS:
                base = word(b, count, 2, from, where) << 4;
                return false;
            case EXTENDED_LINEAR_ADDRESS:
                base = word(b, count, 2, from, where) << 16;
                return false;
            case START_SEGMENT_ADDRESS:
                long csip = word(b, count, 4, from, where);
                start = ((csip >>> 16) << 4) + (csip & 0xFFFF);
                startRecord = type;
                return false;
            default:
                start = word(b, count, 4, from, where);
                startRecord = type;
                return false;
        }
    }

    private long word(byte[] b, int count, int size, int from, String where) throws FlashFormatException {
        if (count != size) {
            throw new FlashFormatException(from, where + "this record type carries " + size + " bytes, not " + count);
        }
        long v = 0;
        for (int i = 0; i < size; i++) {
            v = v << 8 | (b[4 + i] & 0xff);
        }
        return v;
    }

    private void data(long address, byte[] b, int count, int line, int from) {
        if (current == null || current.end() != address) {
            current = new Run(address, line, from);
            runs.add(current);
        }
        current.data.write(b, 4, count);
    }

    private int hexDigit(int at, String where) throws FlashFormatException {
        int c = file[at];
        int v = Character.digit(c, 16);
        if (c < 0 || v < 0) {
            throw new FlashFormatException(at, where + String.format("not a hex digit: byte %02x", c & 0xff));
        }
        return v;
    }

    /** The runs in file order; data written twice to one address is refused. */
    private List<FlashSegment> segments() throws FlashFormatException {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong((Run r) -> r.address).thenComparingInt(r -> r.line));
        for (int i = 1; i < sorted.size(); i++) {
            Run a = sorted.get(i - 1);
            Run b = sorted.get(i);
            if (b.address < a.end() && b.data.size() > 0 && a.data.size() > 0) {
                Run later = a.line > b.line ? a : b;
                throw new FlashFormatException(later.offset, String.format("line %d: data at 0x%X overlaps data"
                        + " from line %d", later.line, later.address, (later == a ? b : a).line));
            }
        }
        List<FlashSegment> out = new ArrayList<>(runs.size());
        for (Run r : runs) {
            out.add(new FlashSegment(r.address, r.data.toByteArray()));
        }
        return out;
    }
}
