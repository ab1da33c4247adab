package freezer.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * A checked-in list of golden cases freezer does not match yet, so a corpus test is green while
 * the compiler grows and the list can only shrink: a failing case outside the list fails, and so
 * does a listed case that now passes. Listed cases that fail are reported as aborted (skipped).
 *
 * <p>The list is a resource: one case id per line, sorted, {@code #} starts a comment line. With
 * {@code -Dfreezer.updateKnownFailures=true} a run records the cases that fail and writes the list
 * back into {@code src/test/resources} (the build passes that folder as
 * {@code freezer.testResources}); nothing fails for being listed or unlisted in that run.
 */
public final class KnownFailures {
    public static final String UPDATE_PROPERTY = "freezer.updateKnownFailures";

    private final String resource;
    private final boolean updating;
    private final List<String> header = new ArrayList<>();
    private final SortedSet<String> listed = new TreeSet<>();
    private final List<String> listedInFileOrder = new ArrayList<>();
    private final Map<String, Boolean> passed = new TreeMap<>();
    private final SortedSet<String> cases = new TreeSet<>();

    private KnownFailures(String resource, boolean updating) {
        this.resource = resource;
        this.updating = updating;
    }

    /** Loads the list from the test resource of that name (a missing resource is an empty list). */
    public static KnownFailures load(String resource) {
        return load(resource, Boolean.getBoolean(UPDATE_PROPERTY));
    }

    /** As {@link #load(String)}, rewriting the list at the end when {@code updating}. */
    static KnownFailures load(String resource, boolean updating) {
        KnownFailures k = new KnownFailures(resource, updating);
        try (InputStream in = KnownFailures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String t = line.strip();
                    if (t.startsWith("#")) {
                        if (k.listedInFileOrder.isEmpty()) {
                            k.header.add(line);
                        }
                    } else if (!t.isEmpty()) {
                        k.listed.add(t);
                        k.listedInFileOrder.add(t);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return k;
    }

    public boolean updating() {
        return updating;
    }

    public boolean isListed(String id) {
        return listed.contains(id);
    }

    /** Declares every case id the test will run, before running them. */
    public synchronized void expect(Collection<String> ids) {
        cases.addAll(ids);
    }

    /** A test that runs {@code body} as case {@code id} under the list's rules. */
    public DynamicTest test(String displayName, String id, Executable body) {
        expect(List.of(id));
        return DynamicTest.dynamicTest(displayName, () -> run(id, body));
    }

    /** Runs one case: records its outcome and passes, fails or aborts as the list says. */
    public void run(String id, Executable body) throws Throwable {
        Throwable failure = null;
        try {
            body.execute();
        } catch (TestAbortedException e) {
            throw e;
        } catch (Throwable t) { // the case's failure, whatever it is, is this case's outcome
            failure = t;
        }
        synchronized (this) {
            passed.put(id, failure == null);
        }
        boolean known = listed.contains(id);
        if (failure == null && known && !updating) {
            fail(id + " now passes: remove it from " + resource + " (or rewrite the list: " + howToUpdate() + ")");
        }
        if (failure != null && (known || updating)) {
            throw new TestAbortedException("known failure " + id + ": " + firstLine(failure));
        }
        if (failure != null) {
            String what = failure instanceof AssertionError ? failure.getMessage() : failure.toString();
            throw new AssertionError(what + "\n[" + id + " is not in " + resource + ": fix it, or list it with "
                    + howToUpdate() + "]", failure);
        }
    }

    /**
     * The last test of a run: the list is sorted and names only cases that exist; when updating, it
     * writes the list of the cases that failed (only if every declared case ran).
     */
    public DynamicTest listCheck() {
        return DynamicTest.dynamicTest(resource + " is current", this::checkList);
    }

    private synchronized void checkList() throws IOException {
        if (updating) {
            if (!passed.keySet().containsAll(cases)) {
                fail("not every case ran (" + passed.size() + " of " + cases.size() + "), so " + resource
                        + " was not rewritten: run the whole test class");
            }
            write();
            return;
        }
        SortedSet<String> stale = new TreeSet<>(listed);
        stale.removeAll(cases);
        if (!stale.isEmpty()) {
            fail(resource + " lists cases that do not exist: " + stale + "; remove them (or " + howToUpdate() + ")");
        }
        if (!listedInFileOrder.equals(new ArrayList<>(listed))) {
            fail(resource + " is not sorted or has duplicates; " + howToUpdate() + " rewrites it");
        }
    }

    private void write() throws IOException {
        String dir = System.getProperty("freezer.testResources");
        if (dir == null) {
            fail("freezer.testResources is not set: run through Maven to rewrite " + resource);
        }
        StringBuilder sb = new StringBuilder();
        if (header.isEmpty()) {
            header.add("# Cases not matched yet: one case id per line, sorted. The list may only shrink.");
            header.add("# Rewrite it from the current results with -D" + UPDATE_PROPERTY + "=true (see docs/testing.md).");
        }
        for (String h : header) {
            sb.append(h).append('\n');
        }
        passed.forEach((id, ok) -> {
            if (!ok) {
                sb.append(id).append('\n');
            }
        });
        Path file = Path.of(dir, resource);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        long failing = passed.values().stream().filter(ok -> !ok).count();
        System.out.println("rewrote " + file + ": " + failing + " of " + passed.size() + " cases failing");
    }

    private String howToUpdate() {
        return "-D" + UPDATE_PROPERTY + "=true";
    }

    private static String firstLine(Throwable t) {
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A case body; may throw anything (a failure of the case). */
    @FunctionalInterface
    public interface Executable {
        void execute() throws Throwable;
    }
}
