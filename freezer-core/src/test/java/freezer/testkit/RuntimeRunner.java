package freezer.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs compiled modules on MicroPython in WebAssembly ({@code ../shared/runtime/run-mpy.mjs}) and
 * reads back what each printed. One Node process runs a whole list ({@code --batch}), as the
 * runtime's README advises; the build installs the runtime under {@code target/mpy-runtime} and
 * passes its location in {@code RUN_MPY_RUNTIME}.
 */
public final class RuntimeRunner {
    private static final String BEGIN = "##run-mpy:begin ";
    private static final String STDERR = "##run-mpy:stderr ";
    private static final String END = "##run-mpy:end ";

    private RuntimeRunner() {
    }

    /**
     * What one target did.
     *
     * @param status {@code ok}, {@code exit}, {@code exception}, {@code timeout}, {@code output-limit},
     *     {@code crash} or {@code error} (run-mpy.mjs's words)
     */
    public record Result(String target, String status, int exit, byte[] stdout, byte[] stderr) {
        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        public String stderrText() {
            return new String(stderr, StandardCharsets.UTF_8);
        }

        public boolean printed(byte[] expected) {
            return Arrays.equals(stdout, expected);
        }
    }

    /**
     * Runs each target (a module name or a {@code .mpy} path) in a fresh runtime with {@code dir} as
     * the working directory and first {@code sys.path} entry; results by target, in list order.
     */
    public static Map<String, Result> runBatch(Path dir, List<String> targets, int timeoutSeconds) {
        try {
            Path list = Files.createTempFile(dir.getParent(), "run-mpy-", ".list");
            try {
                Files.write(list, targets, StandardCharsets.UTF_8);
                List<String> cmd = List.of("node", runMpy().toString(), "--path", dir.toString(), "--timeout",
                        Integer.toString(timeoutSeconds), "--batch", list.toString());
                byte[] out = run(cmd, (long) timeoutSeconds * targets.size() + 60);
                Map<String, Result> results = parse(out);
                if (!results.keySet().containsAll(targets)) {
                    throw new IllegalStateException("run-mpy.mjs did not report every target; got "
                            + results.keySet() + "; output:\n" + new String(out, StandardCharsets.UTF_8));
                }
                return results;
            } finally {
                Files.deleteIfExists(list);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runner script, checked together with the runtime package the build installs. */
    static Path runMpy() {
        String runtime = System.getenv("RUN_MPY_RUNTIME");
        if (runtime == null || !Files.isRegularFile(Path.of(runtime))) {
            throw new IllegalStateException("the MicroPython runtime is not installed (RUN_MPY_RUNTIME="
                    + runtime + "): run the tests through Maven, whose generate-test-resources phase runs"
                    + " npm ci under freezer-core/target/mpy-runtime (needs Node 18+ with npm)");
        }
        String p = System.getProperty("freezer.runMpy");
        Path script = p != null ? Path.of(p) : Shared.root().resolve("runtime/run-mpy.mjs");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("no runner at " + script);
        }
        return script;
    }

    private static byte[] run(List<String> cmd, long timeoutSeconds) throws IOException {
        Process proc;
        try {
            proc = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node (" + e.getMessage()
                    + "): the runtime tests need Node 18+ on the PATH", e);
        }
        proc.getOutputStream().close();
        CompletableFuture<byte[]> out = drain(proc.getInputStream());
        CompletableFuture<byte[]> err = drain(proc.getErrorStream());
        try {
            if (!proc.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                throw new IllegalStateException("run-mpy.mjs did not finish within " + timeoutSeconds + " s");
            }
            int status = proc.exitValue();
            // 0: all ran and exited 0; 1: some target did not; 2 or 3: the runner itself failed
            if (status != 0 && status != 1) {
                throw new IllegalStateException("run-mpy.mjs exited with " + status + ":\n"
                        + new String(err.get(), StandardCharsets.UTF_8));
            }
            return out.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            proc.destroyForcibly();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Splits batch output on its frame lines (run-mpy's README, "Batch mode"). */
    public static Map<String, Result> parse(byte[] output) {
        Map<String, Result> results = new LinkedHashMap<>();
        List<String> lines = splitLines(output);
        String target = null;
        List<String> stdout = new ArrayList<>();
        List<String> stderr = new ArrayList<>();
        List<String> section = stdout;
        for (String line : lines) {
            if (line.startsWith(BEGIN)) {
                target = line.substring(BEGIN.length());
                stdout.clear();
                stderr.clear();
                section = stdout;
            } else if (target != null && line.equals(STDERR + target)) {
                section = stderr;
            } else if (target != null && line.startsWith(END + target + " ")) {
                Map<String, String> attrs = attributes(line.substring(END.length() + target.length() + 1));
                List<String> noeol = Arrays.asList(attrs.getOrDefault("noeol", "").split(","));
                results.put(target, new Result(target, attrs.get("status"), Integer.parseInt(attrs.get("exit")),
                        join(stdout, !noeol.contains("stdout")), join(stderr, !noeol.contains("stderr"))));
                target = null;
            } else if (target != null) {
                section.add(line);
            }
        }
        return results;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : text.strip().split(" ")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                m.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return m;
    }

    /** Lines as byte strings (one char per byte), so that output bytes survive unchanged. */
    private static List<String> splitLines(byte[] b) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static byte[] join(List<String> lines, boolean finalNewline) {
        if (lines.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1));
        if (finalNewline) {
            out.write('\n');
        }
        return out.toByteArray();
    }
}
