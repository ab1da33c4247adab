package freezer.image.frozenc;

import freezer.core.ByteStrings;
import freezer.core.mpy.MpyToolText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The source makemanifest.py hands mpy-cross (tools/manifestfile.py tagged_py_file): the file
 * read as UTF-8 text, so CR LF and CR become LF, and, when the manifest's metadata has a version
 * and the text has no {@code __version__ =}, {@code \n\n__version__ = '<version>'\n} appended.
 */
public final class SourceText {
    private static final String VERSION_MARK = "__version__ =";

    private SourceText() {
    }

    /**
     * The bytes to compile.
     *
     * @param raw the file's bytes
     * @param version the metadata version in force, or null
     * @throws IllegalArgumentException when the bytes are not UTF-8 (makemanifest.py stops with a
     *     UnicodeDecodeError); the message says where
     */
    public static byte[] tagged(byte[] raw, String version) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8 text (near byte " + firstBadByte(raw) + ")");
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (version != null && !version.isEmpty() && !text.contains(VERSION_MARK)) {
            text = text + "\n\n__version__ = " + MpyToolText.strRepr(ByteStrings.fromText(version)) + "\n";
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int firstBadByte(byte[] raw) {
        String s = ByteStrings.of(raw);
        int[] cps = MpyToolText.codePoints(s);
        int at = 0;
        for (int cp : cps) {
            if (cp >= 0x110000) {
                return at;
            }
            at += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        }
        return at;
    }
}
