package freezer.core.lexer;

import java.util.Arrays;

/**
 * Text the lexer builds to inject (an f-string's {@code .format(...)} arguments, a t-string's
 * {@code __template__(...)} call), each character with the source offset it stands for: the
 * offset of the source character it was copied from, or of where the lexer stood when it made it
 * up. So an error inside an injected expression points into the source as written.
 */
final class PlacedText implements CharSequence {
    private final SourceStream in;
    private final StringBuilder text = new StringBuilder();
    private int[] offsets = new int[32];

    PlacedText(SourceStream in) {
        this.in = in;
    }

    /** The offset of each character, in step with the text (the array may be longer). */
    int[] offsets() {
        return offsets;
    }

    PlacedText append(char c) {
        room(1);
        offsets[text.length()] = in.offset();
        text.append(c);
        return this;
    }

    PlacedText append(CharSequence s) {
        return append(s, 0, s.length());
    }

    PlacedText append(CharSequence s, int start, int end) {
        for (int i = start; i < end; i++) {
            append(s.charAt(i));
        }
        return this;
    }

    PlacedText insert(int at, CharSequence s) {
        int n = s.length();
        room(n);
        System.arraycopy(offsets, at, offsets, at + n, text.length() - at);
        Arrays.fill(offsets, at, at + n, in.offset());
        text.insert(at, s);
        return this;
    }

    void setLength(int length) {
        text.setLength(length);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private void room(int more) {
        if (text.length() + more > offsets.length) {
            offsets = Arrays.copyOf(offsets, Math.max(offsets.length * 2, text.length() + more));
        }
    }
}
