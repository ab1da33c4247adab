package freezer.reports.advise;

import java.util.List;

/** The advisor's report on a set of modules for one target. */
public record Advice(Firmware firmware, List<ModuleAdvice> modules) {
    public Advice {
        modules = List.copyOf(modules);
    }

    /** What importing every module takes, as far as it can be known. */
    public long importBytes() {
        return modules.stream().mapToLong(ModuleAdvice::importBytes).sum();
    }

    public long findingRamBytes() {
        return modules.stream().mapToLong(ModuleAdvice::findingRamBytes).sum();
    }

    public int findingCount() {
        return modules.stream().mapToInt(m -> m.findings().size()).sum();
    }

    public int unsizedObjects() {
        return modules.stream().mapToInt(ModuleAdvice::unsizedObjects).sum();
    }

    public long qstrBytes() {
        return modules.stream().mapToLong(ModuleAdvice::qstrBytes).sum();
    }
}
