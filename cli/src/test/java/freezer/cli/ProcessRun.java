package freezer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A child process run to the end (the launcher, node), with what it wrote. */
record ProcessRun(int status, byte[] stdout, String stderr) {
    /** The checkout, where the launcher lives; the build passes it. */
    static Path repoRoot() {
        return Path.of(System.getProperty("freezer.repoRoot", "..")).toAbsolutePath().normalize();
    }

    static ProcessRun run(Path cwd, byte[] stdin, List<String> command) {
        return run(cwd, stdin, command, Map.of());
    }

    /**
     * As {@link #run(Path, byte[], List)} with changes to the environment: a null value removes
     * the variable.
     */
    static ProcessRun run(Path cwd, byte[] stdin, List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
            env.forEach((k, v) -> {
                if (v == null) {
                    pb.environment().remove(k);
                } else {
                    pb.environment().put(k, v);
                }
            });
            Process p = pb.start();
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            try (var in = p.getOutputStream()) {
                in.write(stdin);
            }
            // a first launcher run may build the jar
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new ProcessRun(p.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
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

    String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
