package freezer.core.lexer;

import java.util.Arrays;

/**
 * The columns of the open blocks, outermost (0) first. lexer.c stores them as 16-bit numbers, so
 * an indentation of 65536 columns or more is remembered modulo 65536; kept for equal tokens.
 */
final class IndentLevels {
    private int[] levels = new int[16];
    private int size = 1;

    int top() {
        return levels[size - 1];
    }

    void push(int indent) {
        if (size == levels.length) {
            levels = Arrays.copyOf(levels, size * 2);
        }
        levels[size++] = indent & 0xFFFF;
    }

    void pop() {
        size--;
    }
}
