package freezer.core.robust;

import static org.junit.jupiter.api.Assertions.fail;

import freezer.core.CompileError;
import freezer.core.CompileOptions;
import freezer.core.MpyCompiler;
import freezer.testkit.GoldenCompile;
import freezer.testkit.GoldenCompile.Program;
import freezer.testkit.GoldenMutator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * No input makes the compiler fail in any way other than a {@link CompileError}: not a Java
 * exception, not a StackOverflowError or OutOfMemoryError, not a hang. Pathological inputs and
 * seeded mutants of the golden programs, in bounded numbers that the run prints. The seed is
 * {@code -Dfreezer.robust.seed} (printed, so that a failure can be replayed), the number of
 * mutants {@code -Dfreezer.robust.mutants}, the size of the big inputs {@code -Dfreezer.robust.scale}.
 */
class RobustnessTest {
    private static final long SEED = Long.getLong("freezer.robust.seed", 20_261_130L);
    private static final int MUTANTS = Integer.getInteger("freezer.robust.mutants", 400);
    private static final int SCALE = Integer.getInteger("freezer.robust.scale", 1);
    private static final int TIMEOUT_SECONDS = 120;
    private static final List<CompileOptions> OPTIONS = List.of(CompileOptions.DEFAULT,
            CompileOptions.DEFAULT.withOptimisationLevel(3), CompileOptions.DEFAULT.withSmallIntBits(8));

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "robust");
        t.setDaemon(true);
        return t;
    });
    private static final AtomicInteger COMPILED = new AtomicInteger();
    private static final AtomicInteger REJECTED = new AtomicInteger();

    @AfterAll
    static void report() {
        POOL.shutdownNow();
        System.out.printf("robustness (seed %d): %d inputs compiled, %d rejected with a CompileError%n", SEED,
                COMPILED.get(), REJECTED.get());
    }

    @TestFactory
    Stream<DynamicTest> pathologicalInputs() {
        List<PathologicalInputs.Input> inputs = PathologicalInputs.all(SEED, SCALE);
        System.out.printf("robustness: %d pathological inputs%n", inputs.size());
        return inputs.stream().map(in -> DynamicTest.dynamicTest(in.name(),
                () -> survives(in.name(), in.bytes().get(), CompileOptions.DEFAULT)));
    }

    @TestFactory
    Stream<DynamicTest> mutantsOfGoldenPrograms() {
        List<Program> programs = new ArrayList<>();
        for (Path group : GoldenCompile.groups("ok")) {
            programs.addAll(GoldenCompile.programs(group));
        }
        GoldenMutator mutator = new GoldenMutator(SEED);
        java.util.Random pick = new java.util.Random(SEED);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < MUTANTS; i++) {
            Program p = programs.get(pick.nextInt(programs.size()));
            CompileOptions options = OPTIONS.get(pick.nextInt(OPTIONS.size()));
            GoldenMutator.Mutant m = mutator.mutate(GoldenCompile.bytes(p.source()));
            String name = "mutant " + i + " of " + p.id(".py") + ": " + m.edits();
            tests.add(DynamicTest.dynamicTest(name, () -> survives(name, m.source(), options)));
        }
        System.out.printf("robustness: %d mutants of %d golden programs (seed %d)%n", MUTANTS, programs.size(), SEED);
        return tests.stream();
    }

    /** Compiles as the CLI does; anything but bytes or a CompileError fails. */
    private static void survives(String name, byte[] source, CompileOptions options) throws InterruptedException {
        Future<byte[]> f = POOL.submit(() -> MpyCompiler.compileToMpy(source, "input.py", options));
        try {
            f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            COMPILED.incrementAndGet();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CompileError) {
                REJECTED.incrementAndGet();
                return;
            }
            AssertionError failure = new AssertionError(name + " (seed " + SEED + ", options " + options
                    + "): the compiler failed with " + e.getCause() + ", not a CompileError", e.getCause());
            throw failure;
        } catch (TimeoutException e) {
            f.cancel(true);
            fail(name + " (seed " + SEED + "): no answer within " + TIMEOUT_SECONDS + " s");
        }
    }
}
