package freezer.cli.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Runs child processes and measures them from outside: wall time, CPU time (the kernel's
 * count for waited-for children, from /proc/self/stat) and peak resident memory (the child's
 * own high-water mark, VmHWM, polled while it runs). Where /proc is missing (not Linux) the CPU
 * and memory figures are absent, never made up.
 */
final class ProcessMeter {
    /** /proc reports times in USER_HZ, 100 on every Linux architecture that matters here. */
    private static final long TICKS_PER_SECOND = 100;
    private static final Path SELF_STAT = Path.of("/proc/self/stat");

    private ProcessMeter() {
    }

    record Run(int status, Duration wall, OptionalLong peakRssBytes) {
    }

    /** Runs a command to the end, its output going to the given files. */
    static Run run(List<String> command, Path stdout, Path stderr) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peak = -1;
        while (p.isAlive()) {
            // the high-water mark only grows, so the last reading before exit is the peak
            peak = Math.max(peak, highWaterMark(status));
            p.waitFor(5, TimeUnit.MILLISECONDS);
        }
        int exit = p.waitFor();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        return new Run(exit, wall, peak > 0 ? OptionalLong.of(peak) : OptionalLong.empty());
    }

    /**
     * CPU time used so far by this process's waited-for children (user + system), or empty
     * where the kernel does not say. The difference across a run is that run's children.
     */
    static OptionalLong childrenCpuNanos() {
        return statTicks(15, 16);
    }

    /** CPU time used so far by this process itself (user + system). */
    static OptionalLong selfCpuNanos() {
        return statTicks(13, 14);
    }

    /** Fields of /proc/self/stat after the command name, counted from 0 (utime is 13 of them). */
    private static OptionalLong statTicks(int a, int b) {
        try {
            String stat = Files.readString(SELF_STAT, StandardCharsets.US_ASCII);
            // the command name is in parentheses and may hold spaces: count after its end
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[a - 2]) + Long.parseLong(f[b - 2]);
            return OptionalLong.of(ticks * (1_000_000_000L / TICKS_PER_SECOND));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim()) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone already, or no /proc: no reading
        }
        return -1;
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
