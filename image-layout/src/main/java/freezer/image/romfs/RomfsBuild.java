package freezer.image.romfs;

import freezer.core.mpy.CompiledModule;
import java.util.List;

/**
 * What building from a tree gave: the nodes to write (only meaningful when there are no
 * problems), the compiled modules by their path in the image, and every problem, in tree order.
 */
public record RomfsBuild(List<RomfsNode> root, List<Module> modules, List<RomfsProblem> problems) {

    public RomfsBuild {
        root = List.copyOf(root);
        modules = List.copyOf(modules);
        problems = List.copyOf(problems);
    }

    /** A module compiled into the image: its path there and its model, for the memory map. */
    public record Module(String path, CompiledModule module) {
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
