package freezer.reports.advise;

/**
 * One suggestion: where, what, the code to write instead, and what it saves.
 *
 * @param name the module-level name it is about
 * @param message one sentence on what was found and why it costs
 * @param suggestion the code to write instead (one line)
 * @param ramBytes heap bytes saved once the module is imported (0 where the saving is time)
 * @param mpyBytes bytes the compiled .mpy shrinks by with the edit made (its bytecode and
 *     constants, which a frozen module keeps in flash); measured by compiling both
 * @param edit the change that makes the suggestion, as the tests apply it
 */
public record Finding(FindingKind kind, String file, int line, int column, String name, String message,
        String suggestion, long ramBytes, int mpyBytes, SourceEdit edit) {

    Finding withMpyBytes(int bytes) {
        return new Finding(kind, file, line, column, name, message, suggestion, ramBytes, bytes, edit);
    }
}
