package freezer.reports.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code --format html}: one self-contained page (report.html beside this class, its script
 * and style inline, nothing fetched): a zoomable treemap of package, module, function and
 * object, a search box, a sortable table of modules, and the total against the budget. The
 * figures are the JSON report's, embedded in the page, with the tree to its objects.
 */
public final class HtmlReport {
    private static final String TEMPLATE = load();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HtmlReport() {
    }

    public static String render(SizeReport r, ReportOptions o, String title) {
        ReportOptions all = new ReportOptions(Math.max(o.depth(), 4), o.sort(), o.budget());
        String json;
        try {
            json = MAPPER.writeValueAsString(JsonReport.tree(r, all));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        // inside <script>, "</" would end the element early
        String data = json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        return TEMPLATE.replace("@@TITLE@@", escape(title)).replace("@@DATA@@", data);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String load() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.html")) {
            if (in == null) {
                throw new IllegalStateException("report.html is missing from freezer's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
