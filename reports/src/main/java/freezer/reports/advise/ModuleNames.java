package freezer.reports.advise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** A module's identifiers by name, across all its scopes, in source order. */
final class ModuleNames {
    private final Map<String, List<Occurrence>> byName = new HashMap<>();
    private final Map<Occurrence, Integer> order = new IdentityHashMap<>();

    ModuleNames(List<Occurrence> occurrences) {
        for (int i = 0; i < occurrences.size(); i++) {
            Occurrence o = occurrences.get(i);
            byName.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
            order.put(o, i);
        }
    }

    List<Occurrence> of(String name) {
        return byName.getOrDefault(name, List.of());
    }

    List<Occurrence> bindings(String name) {
        List<Occurrence> out = new ArrayList<>();
        for (Occurrence o : of(name)) {
            if (o.role().binds()) {
                out.add(o);
            }
        }
        return out;
    }

    List<Occurrence> reads(String name) {
        List<Occurrence> out = new ArrayList<>();
        for (Occurrence o : of(name)) {
            if (o.role() == NameRole.READ) {
                out.add(o);
            }
        }
        return out;
    }

    boolean has(String name, NameRole role) {
        for (Occurrence o : of(name)) {
            if (o.role() == role) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code a} comes before {@code b} in the source. */
    boolean before(Occurrence a, Occurrence b) {
        return order.get(a) < order.get(b);
    }
}
