package freezer.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import freezer.core.CompileError;
import freezer.core.CompileWork;
import freezer.core.DeepStack;
import freezer.core.lexer.Lexer;
import freezer.testkit.GoldenCompile;
import freezer.testkit.GoldenMutator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parser takes a rule's forced way down ({@link Descent}) in one step; the walk rule by rule
 * is the reference (parse.c's walk, but for the parts that cannot start with the token, which it
 * skips; the golden tests hold that walk to mpy-cross). Both must give the same tree (lines and
 * offsets included) or the same error on every golden program and thousands of mutants of them,
 * and the descents must save most of the work, counted in loop steps.
 */
class DescentTest {
    private static final long SEED = 20261207L;
    private static final int MUTANTS = 4000;

    @Test
    void descentsChangeNoTreeAndNoErrorOfAnyGoldenProgramOrMutant() {
        List<byte[]> programs = goldenPrograms();
        int compared = 0;
        for (byte[] source : programs) {
            assertSameOutcome("golden program " + compared, source);
            compared++;
        }
        GoldenMutator mutator = new GoldenMutator(SEED);
        Random pick = new Random(SEED);
        int rejected = 0;
        for (int i = 0; i < MUTANTS; i++) {
            GoldenMutator.Mutant m = mutator.mutate(programs.get(pick.nextInt(programs.size())));
            if (assertSameOutcome("mutant " + i + " (" + m.edits() + ")", m.source()) != null) {
                rejected++;
            }
        }
        System.out.printf("descents: %d golden programs and %d mutants (seed %d, %d rejected) parse the same both ways%n",
                programs.size(), MUTANTS, SEED, rejected);
        assertThat(rejected).as("mutants the parser rejects (the error paths compared)").isGreaterThan(MUTANTS / 10);
    }

    @Test
    void descentsTakeUnderAThirdOfTheStepsOfTheWalkRuleByRule() {
        long walked = 0;
        long descended = 0;
        for (byte[] source : goldenPrograms()) {
            try {
                CompileWork walk = CompileWork.withoutDescents();
                parse(source, walk);
                walked += walk.parseSteps();
                CompileWork descents = new CompileWork();
                parse(source, descents);
                descended += descents.parseSteps();
            } catch (CompileError e) {
                // a rejected program's steps depend on where it fails
            }
        }
        System.out.printf("descents: %,d parser steps against %,d rule by rule%n", descended, walked);
        assertThat(walked).isGreaterThan(100_000);
        assertThat(descended * 3).isLessThan(walked);
    }

    /** Returns the error both ways raised, or null when both parsed. */
    private static CompileError assertSameOutcome(String what, byte[] source) {
        String expected;
        CompileError expectedError = null;
        try {
            expected = dump(parse(source, CompileWork.withoutDescents()));
        } catch (CompileError e) {
            expectedError = e;
            expected = describe(e);
        }
        String actual;
        try {
            actual = dump(parse(source, new CompileWork()));
        } catch (CompileError e) {
            actual = describe(e);
        }
        if (!actual.equals(expected)) {
            fail(what + ": descents differ from the walk rule by rule " + firstDifference(expected, actual));
        }
        return expectedError;
    }

    /** Where two dumps first differ, with some of the tree before it. */
    private static String firstDifference(String expected, String actual) {
        int at = 0;
        while (at < expected.length() && at < actual.length() && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 160);
        return "at character " + at + ":\n  walked:     ..." + expected.substring(from, Math.min(expected.length(), at + 80))
                + "\n  descended:  ..." + actual.substring(from, Math.min(actual.length(), at + 80));
    }

    private static ParseNode parse(byte[] source, CompileWork work) {
        return DeepStack.call(() -> Parser.parseFile(new Lexer("input.py", source), new InternedStrings(), 31, work));
    }

    private static String describe(CompileError e) {
        return "error " + e.type() + " '" + e.message() + "' at line " + e.line() + " offset " + e.offset();
    }

    /** The tree with every node's rule, line and offset, without recursion. */
    private static String dump(ParseNode root) {
        StringBuilder b = new StringBuilder();
        List<Object> todo = new ArrayList<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Object o = todo.remove(todo.size() - 1);
            if (o instanceof String s) {
                b.append(s);
            } else if (o instanceof RuleNode r) {
                b.append(r.rule()).append('@').append(r.line()).append(':').append(r.offset()).append('(');
                todo.add(")");
                for (int i = r.size() - 1; i >= 0; i--) {
                    todo.add(r.arg(i));
                    if (i > 0) {
                        todo.add(", ");
                    }
                }
            } else {
                b.append(o);
            }
        }
        return b.toString();
    }

    private static List<byte[]> goldenPrograms() {
        List<byte[]> sources = new ArrayList<>();
        for (String okOrBad : List.of("ok", "bad")) {
            for (Path group : GoldenCompile.groups(okOrBad)) {
                List<Path> files = okOrBad.equals("ok")
                        ? GoldenCompile.programs(group).stream().map(GoldenCompile.Program::source).toList()
                        : GoldenCompile.rejected(group).stream().map(GoldenCompile.Rejected::source).toList();
                for (Path f : files) {
                    sources.add(GoldenCompile.bytes(f));
                }
            }
        }
        assertThat(sources).hasSizeGreaterThan(200);
        return sources;
    }
}
