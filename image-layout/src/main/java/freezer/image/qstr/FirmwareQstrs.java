package freezer.image.qstr;

import freezer.core.ByteStrings;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a firmware already has: the qstrs of its {@code qstrdefs.preprocessed.h} (the C
 * preprocessor's output over its sources) plus the static qstrs, as identifiers, and its
 * {@code QCFG} storage settings. Read as makeqstrdata.py's parse_input_headers reads it: each
 * line stripped; {@code QCFG(NAME, (value))} and {@code Q(text)} lines count, nothing else does;
 * {@code Q(\n)} and {@code Q(\r\n)} stand for newline and CR LF.
 *
 * @param config the storage settings
 * @param headerCount how many identifiers the header's own Q() lines add to the static ones
 * @param strings every identifier the firmware has (static ones first, then the header's in file
 *     order), each with the first string (a byte string) that gave it
 */
public record FirmwareQstrs(QstrConfig config, int headerCount, Map<String, String> strings) {
    private static final Pattern QCFG = Pattern.compile("^QCFG\\((.+), (.+)\\)");
    private static final Pattern Q = Pattern.compile("^Q\\((.*)\\)$", Pattern.DOTALL);

    public FirmwareQstrs {
        strings = Collections.unmodifiableMap(new LinkedHashMap<>(strings));
    }

    /** What mpy-tool.py assumes without {@code -q}: only the static qstrs, one byte of hash. */
    public static FirmwareQstrs withoutHeader() {
        return new FirmwareQstrs(QstrConfig.WITHOUT_HEADER, 0, staticStrings());
    }

    /** Whether the firmware has a qstr with this identifier. */
    public boolean has(String identifier) {
        return strings.containsKey(identifier);
    }

    /** Every identifier the firmware has. */
    public Set<String> identifiers() {
        return strings.keySet();
    }

    private static Map<String, String> staticStrings() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : StaticQstrs.strings()) {
            m.putIfAbsent(QstrEscape.identifier(s), s);
        }
        return m;
    }

    /**
     * Reads a header.
     *
     * @param name the file's name, for messages
     * @throws QstrHeaderException when it is not UTF-8, has no {@code QCFG} line (makeqstrdata.py:
     *     "Empty preprocessor output") or lacks a storage setting
     */
    public static FirmwareQstrs parse(byte[] header, String name) throws QstrHeaderException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(header)).toString();
        } catch (CharacterCodingException e) {
            throw new QstrHeaderException(name + ": not UTF-8 text");
        }
        Map<String, String> qcfgs = new LinkedHashMap<>();
        Map<String, String> all = staticStrings();
        int statics = all.size();
        for (String rawLine : text.split("\r\n|\r|\n", -1)) {
            String line = rawLine.strip();
            Matcher c = QCFG.matcher(line);
            if (c.find()) {
                String value = c.group(2);
                if (value.startsWith("(") && value.endsWith(")")) {
                    value = value.substring(1, value.length() - 1);
                }
                qcfgs.put(c.group(1), value);
                continue;
            }
            Matcher q = Q.matcher(line);
            if (!q.matches()) {
                continue;
            }
            String qstr = q.group(1);
            if (qstr.equals("\\n")) {
                qstr = "\n";
            } else if (qstr.equals("\\r\\n")) {
                qstr = "\r\n";
            }
            String bytes = ByteStrings.fromText(qstr);
            all.putIfAbsent(QstrEscape.identifier(bytes), bytes);
        }
        if (qcfgs.isEmpty()) {
            throw new QstrHeaderException(name + ": no QCFG lines (empty preprocessor output)");
        }
        QstrConfig config = new QstrConfig(setting(qcfgs, "BYTES_IN_LEN", name), setting(qcfgs, "BYTES_IN_HASH", name));
        return new FirmwareQstrs(config, all.size() - statics, all);
    }

    private static int setting(Map<String, String> qcfgs, String key, String name) throws QstrHeaderException {
        String v = qcfgs.get(key);
        if (v == null) {
            throw new QstrHeaderException(name + ": no QCFG(" + key + ", ...) line");
        }
        try {
            int n = Integer.parseInt(v.strip());
            new QstrConfig(key.equals("BYTES_IN_LEN") ? n : 1, key.equals("BYTES_IN_HASH") ? n : 1);
            return n;
        } catch (IllegalArgumentException e) {
            throw new QstrHeaderException(name + ": QCFG(" + key + ") is " + v + ", not a size freezer knows");
        }
    }
}
