package freezer.cli;

import freezer.core.CompileError;
import freezer.core.CompileOptions;
import freezer.core.MpyCrossFlags;
import java.io.IOException;
import java.nio.file.InvalidPathException;

/** mpy-cross's own job: one input, one output, as mpy-cross/main.c's compile_and_save does it. */
final class SingleCompile {
    private static final String STDIN = "-";
    /** The name mpy-cross gives standard input (MP_QSTR__lt_stdin_gt_). */
    private static final String STDIN_NAME = "<stdin>";

    private final StdStreams io;
    private final ModuleCompiler compiler;
    private final DiagnosticPrinter printer;
    private final Caller caller;

    SingleCompile(StdStreams io, ModuleCompiler compiler, DiagnosticPrinter printer, Caller caller) {
        this.io = io;
        this.compiler = compiler;
        this.printer = printer;
        this.caller = caller;
    }

    int run(MpyCrossFlags flags) {
        if (flags.extras().containsKey(CompileCommand.JOBS)) {
            throw new CompileCommand.UsageError("--jobs needs batch mode (--root and --out-dir)");
        }
        if (flags.inputs().isEmpty()) {
            throw new CompileCommand.UsageError("no input file");
        }
        if (flags.inputs().size() > 1) {
            throw new CompileCommand.UsageError("multiple input files (compile many with --root and --out-dir)");
        }
        String input = flags.inputs().get(0);
        boolean fromStdin = input.equals(STDIN);
        String output = flags.outputFile();
        boolean toStdout = STDIN.equals(output) || (output == null && fromStdin);
        if (output == null && !fromStdin) {
            output = defaultOutput(input);
        }

        byte[] source;
        try {
            source = fromStdin ? io.in().readAllBytes() : InputFiles.read(caller.path(input));
        } catch (IOException | InvalidPathException e) {
            String why = e instanceof IOException io ? InputFiles.reason(io) : "not a valid path";
            return fail(Diagnostic.io(input, "can't open " + input + ": " + why));
        }
        String inputPath = fromStdin ? STDIN_NAME : input;
        byte[] mpy;
        try {
            mpy = compileOrReport(source, inputPath, flags.options());
        } catch (CompileError e) {
            return fail(Diagnostic.of(e, e.file() != null ? e.file() : inputPath, source));
        } catch (InternalFailure e) {
            return fail(Diagnostic.internal(inputPath, e.getCause()));
        }

        if (toStdout) {
            io.out().write(mpy, 0, mpy.length);
            io.out().flush();
            return ExitStatus.OK;
        }
        try {
            AtomicFiles.write(caller.path(output), mpy, caller.newFileMode());
        } catch (IOException | InvalidPathException e) {
            String why = e instanceof IOException io ? InputFiles.reason(io) : "not a valid path";
            return fail(Diagnostic.io(output, "can't write " + output + ": " + why));
        }
        return ExitStatus.OK;
    }

    /** main.c's rule: the input path less its last two bytes, plus "mpy" (so a.py gives a.mpy). */
    static String defaultOutput(String input) {
        byte[] b = input.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int keep = Math.max(0, b.length - 2);
        return new String(b, 0, keep, java.nio.charset.StandardCharsets.UTF_8) + "mpy";
    }

    /** The compile; a failure that is not a {@link CompileError} is a freezer bug, reported as such. */
    private byte[] compileOrReport(byte[] source, String inputPath, CompileOptions options) {
        try {
            return compiler.compile(source, inputPath, options);
        } catch (CompileError e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new InternalFailure(inputPath, e);
        }
    }

    private int fail(Diagnostic d) {
        printer.print(d, io.err());
        return ExitStatus.ERROR;
    }

    /** A compile that failed with something other than a {@link CompileError}: a freezer bug. */
    static final class InternalFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String file;

        InternalFailure(String file, Throwable cause) {
            super(cause);
            this.file = file;
        }
    }
}
