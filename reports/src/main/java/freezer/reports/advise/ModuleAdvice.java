package freezer.reports.advise;

import java.util.List;

/**
 * What the advisor says about one module.
 *
 * @param names the names in its globals dict after import
 * @param dictEntries the dict's entries: the names, {@code __name__}, {@code __file__} (and a package's {@code __path__})
 * @param dictSlots the slots its table has grown to for them
 * @param moduleBytes the module object and its dict object
 * @param tableBytes the dict's table
 * @param objects what its top level builds and keeps
 * @param qstrs the qstrs it adds
 * @param findings the suggestions, in source order
 * @param notes why some advice was not given (a star import ...)
 */
public record ModuleAdvice(String file, String module, List<GlobalName> names, int dictEntries, int dictSlots,
        long moduleBytes, long tableBytes, List<ImportObject> objects, List<ModuleQstr> qstrs,
        List<Finding> findings, List<String> notes) {

    public ModuleAdvice {
        names = List.copyOf(names);
        objects = List.copyOf(objects);
        qstrs = List.copyOf(qstrs);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** The heap bytes importing it takes, as far as they can be known: module, dict, and sized objects. */
    public long importBytes() {
        long sum = moduleBytes + tableBytes;
        for (ImportObject o : objects) {
            if (o.sizeKnown()) {
                sum += o.bytes();
            }
        }
        return sum;
    }

    /** The objects whose size cannot be known before run time. */
    public int unsizedObjects() {
        return (int) objects.stream().filter(o -> !o.sizeKnown()).count();
    }

    public long qstrBytes() {
        return qstrs.stream().mapToLong(ModuleQstr::bytes).sum();
    }

    public long findingRamBytes() {
        return findings.stream().mapToLong(Finding::ramBytes).sum();
    }
}
