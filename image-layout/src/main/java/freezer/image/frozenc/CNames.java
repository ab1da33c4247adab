package freezer.image.frozenc;

import java.util.HashSet;
import java.util.Set;

/**
 * mpy-tool.py's escaped names of functions: {@code <parent>_<escaped simple name>}, made unique
 * over the whole file by appending 2, 3, ... (the golden {@code clash_a_b_c2}).
 */
final class CNames {
    private final Set<String> taken = new HashSet<>();

    String unique(String escaped) {
        String name = escaped;
        for (int i = 2; !taken.add(name); i++) {
            name = escaped + i;
        }
        return name;
    }
}
