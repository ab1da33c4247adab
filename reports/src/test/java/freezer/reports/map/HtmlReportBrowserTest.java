package freezer.reports.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import freezer.image.layout.Target;
import freezer.image.map.MemoryMap;
import freezer.testkit.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real headless browser (the Chromium that the npm package
 * {@code @sparticuz/chromium} carries in its tarball, driven by puppeteer-core; the build
 * installs both under target/browser): loaded from a file, with its scripts run, it shows one
 * treemap box per module, a table whose rows add up to the total, a search box that filters the
 * rows, zooming, and it fetches nothing. A screenshot is kept at target/report-html/treemap.png.
 */
class HtmlReportBrowserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void thePageShowsEveryModuleSumsToTheTotalAndFilters() throws Exception {
        Path dir = Shared.targetDir("report-html");
        MemoryMap map = GoldenMaps.freeze("sensor_node", Target.QEMU_ARMV7M, dir.resolve("map.json"));
        SizeReport r = SizeReport.of(map);
        Path html = dir.resolve("sensor_node.html");
        Files.writeString(html, HtmlReport.render(r, new ReportOptions(3, ReportOptions.Sort.SIZE, 16384),
                "sensor_node on qemu-armv7m"), StandardCharsets.UTF_8);

        JsonNode page = run(html, dir.resolve("treemap.png"), "sensors");
        JsonNode before = page.get("before");
        assertThat(page.get("errors")).as("script errors").isEmpty();
        assertThat(page.get("requests")).as("anything fetched over the network").isEmpty();
        assertThat(before.get("scripts").asInt()).as("external scripts or styles").isZero();
        assertThat(before.get("title").asText()).isEqualTo("sensor_node on qemu-armv7m");
        // one box per module in the treemap, and one row per module in the table
        List<String> modules = r.units().stream().map(SizeNode::name).toList();
        List<String> boxed = new ArrayList<>();
        before.get("unitBoxes").properties().forEach(e -> {
            assertThat(e.getValue().asInt()).as(e.getKey()).isEqualTo(1);
            boxed.add(e.getKey());
        });
        assertThat(boxed).containsExactlyInAnyOrderElementsOf(modules);
        List<String> rows = new ArrayList<>();
        before.get("rows").forEach(n -> rows.add(n.asText()));
        assertThat(rows).containsExactlyInAnyOrderElementsOf(modules);
        assertThat(before.get("rowTotalPlusShared").asLong()).isEqualTo(map.total());
        assertThat(before.get("tableTotal").asLong()).isEqualTo(map.total());
        assertThat(before.get("budget").asText()).contains("budget 16,384 bytes");
        // the search keeps the modules whose path or functions match
        List<String> visible = new ArrayList<>();
        page.get("after").get("visible").forEach(n -> visible.add(n.asText()));
        assertThat(visible).isNotEmpty().allMatch(m -> m.contains("sensors"))
                .hasSize((int) modules.stream().filter(m -> m.contains("sensors")).count());
        assertThat(page.get("after").get("dimmed").asInt()).isPositive();
        // clicking the biggest package zooms into it
        assertThat(page.get("zoomed").get("crumbs").asText()).contains(page.get("zoomed").get("top").asText());
        assertThat(dir.resolve("treemap.png")).exists();
        assertThat(Files.size(dir.resolve("treemap.png"))).isGreaterThan(10_000);
    }

    /** Runs check-report.mjs on the page; what it printed. */
    static JsonNode run(Path html, Path screenshot, String query) throws IOException, InterruptedException {
        Path browser = Path.of(System.getProperty("freezer.browserDir", "target/browser"));
        Path script = browser.resolve("check-report.mjs");
        if (!Files.isDirectory(browser.resolve("node_modules/@sparticuz/chromium"))) {
            throw new IllegalStateException("the headless browser is not installed under " + browser
                    + ": run the tests through Maven, whose generate-test-resources phase runs npm ci there"
                    + " (needs Node 18+ with npm)");
        }
        Files.createDirectories(browser.resolve("tmp"));
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), html.toString(), screenshot.toString(), query);
        pb.environment().put("TMPDIR", browser.resolve("tmp").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the browser did not finish in 180 s");
        }
        String errText = new String(err.join(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("check-report.mjs failed:\n" + errText).isZero();
        return MAPPER.readTree(out);
    }
}
