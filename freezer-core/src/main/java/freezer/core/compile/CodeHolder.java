package freezer.core.compile;

import java.util.List;

/**
 * Where a scope's finished code goes. A parent is emitted before its children, so it refers to
 * their holders, which are filled later (as upstream's raw_code pointers are).
 */
final class CodeHolder {
    byte[] funData;
    List<CodeHolder> children = List.of();
}
