package freezer.image.romfs;

import java.util.List;

/**
 * The tree make_romfs prints while it builds (tools/mpremote/mpremote/romfs.py): the source
 * directory, then one line per entry drawn with {@code |--}, {@code \--} and {@code |   },
 * directories with a {@code /}, compiled modules as {@code X.py -> .mpy}.
 */
public final class SourceListing {
    private SourceListing() {
    }

    public static String of(SourceTree tree) {
        StringBuilder sb = new StringBuilder();
        sb.append("Building romfs filesystem, ").append(tree.origin()).append('\n');
        sb.append("/\n");
        append(sb, tree.root(), "");
        return sb.toString();
    }

    private static void append(StringBuilder sb, List<SourceNode> nodes, String prefix) {
        for (int i = 0; i < nodes.size(); i++) {
            boolean last = i == nodes.size() - 1;
            sb.append(prefix).append(last ? "\\-- " : "|-- ");
            SourceNode n = nodes.get(i);
            if (n instanceof SourceNode.Directory d) {
                sb.append(d.name()).append("/\n");
                append(sb, d.entries(), prefix + (last ? "    " : "|   "));
            } else if (n instanceof SourceNode.Compile c) {
                sb.append(c.listedName()).append(" -> .mpy\n");
            } else {
                sb.append(n.name()).append('\n');
            }
        }
    }
}
