package freezer.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The rules of a known-failures list, on small lists of its own. */
class KnownFailuresTest {
    private static final KnownFailures.Executable PASS = () -> { };
    private static final KnownFailures.Executable FAIL = () -> {
        throw new AssertionError("bytes differ");
    };

    @Test
    void listedFailuresAbortUnlistedFailFixedListedOnesFail() {
        KnownFailures k = KnownFailures.load("known-failures-selftest.txt", false);
        k.expect(List.of("a", "b", "c", "d"));
        assertThatCode(() -> k.run("a", PASS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> k.run("b", FAIL)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("known failure b: bytes differ");
        assertThatThrownBy(() -> k.run("c", PASS)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("c now passes: remove it from known-failures-selftest.txt");
        assertThatThrownBy(() -> k.run("d", FAIL)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("bytes differ").hasMessageContaining("d is not in known-failures-selftest.txt");
        assertThatCode(() -> k.listCheck().getExecutable().execute()).doesNotThrowAnyException();
    }

    @Test
    void aListNamingMissingCasesOrUnsortedFails() {
        KnownFailures k = KnownFailures.load("known-failures-selftest-stale.txt", false);
        k.expect(List.of("a", "b"));
        assertThatThrownBy(() -> k.listCheck().getExecutable().execute())
                .hasMessageContaining("lists cases that do not exist: [zzz]");
        KnownFailures unsorted = KnownFailures.load("known-failures-selftest-stale.txt", false);
        unsorted.expect(List.of("a", "b", "zzz"));
        assertThatThrownBy(() -> unsorted.listCheck().getExecutable().execute()).hasMessageContaining("not sorted");
    }

    @Test
    void aMissingListIsEmpty() {
        KnownFailures k = KnownFailures.load("no-such-list.txt", false);
        assertThatThrownBy(() -> k.run("x", FAIL)).isInstanceOf(AssertionError.class);
    }
}
