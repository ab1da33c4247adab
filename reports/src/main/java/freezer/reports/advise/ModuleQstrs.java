package freezer.reports.advise;

import freezer.core.lexer.Token;
import freezer.core.lexer.TokenKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The qstrs a module adds: the strings of its compiled qstr table (names, attributes, short
 * strings, its file name) that the firmware does not already have. Identifiers cost memory (the guide, "Variables"): frozen, each is a
 * pool entry and its text in flash; loaded from a .mpy at run time, the same bytes in RAM.
 */
final class ModuleQstrs {
    private ModuleQstrs() {
    }

    static List<ModuleQstr> of(AnalysedModule m, Firmware firmware) {
        Map<String, int[]> firstAt = new HashMap<>();
        TokenIndex tokens = m.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.token(i);
            if ((t.kind() == TokenKind.NAME || t.kind() == TokenKind.STRING) && tokens.offset(i) >= 0) {
                SourcePosition p = tokens.positionOf(tokens.offset(i));
                firstAt.putIfAbsent(t.text(), new int[] {p.line(), p.column()});
            }
        }
        Set<String> distinct = new LinkedHashSet<>(m.compiled().qstrs());
        List<ModuleQstr> out = new ArrayList<>();
        for (String q : distinct) {
            if (firmware.hasQstr(q)) {
                continue;
            }
            int[] at = firstAt.getOrDefault(q, new int[] {0, 0});
            out.add(new ModuleQstr(ByteText.text(q), at[0], at[1], HeapCosts.qstr(firmware, q.length())));
        }
        return out;
    }
}
