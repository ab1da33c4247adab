// Loads freezer's HTML report from a file in a real headless Chromium (the one the npm package
// @sparticuz/chromium ships inside its tarball, driven by puppeteer-core), checks its DOM after
// its scripts ran, types into the search box, and keeps a screenshot.
//
//   node check-report.mjs REPORT.html SCREENSHOT.png QUERY
//
// Prints one JSON object: what the page shows, for the Java test to compare with the report.
// The browser unpacks itself under $TMPDIR (the test points it under target/).
import chromium from "@sparticuz/chromium";
import puppeteer from "puppeteer-core";
import { pathToFileURL } from "node:url";

const [html, screenshot, query] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: await chromium.executablePath(),
  args: chromium.args,
  headless: true,
  defaultViewport: { width: 1280, height: 900 },
});
try {
  const page = await browser.newPage();
  const requests = [];
  page.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  await page.waitForSelector("body[data-ready=true]", { timeout: 20000 });
  const before = await page.evaluate(() => {
    const unitBoxes = {};
    for (const b of document.querySelectorAll('.tm-box[data-level="unit"]')) {
      unitBoxes[b.dataset.name] = (unitBoxes[b.dataset.name] || 0) + 1;
    }
    const rows = [...document.querySelectorAll("#modules tbody tr")];
    const number = (td) => Number(td.textContent.replace(/,/g, ""));
    const rowTotal = rows.reduce((s, tr) => s + number(tr.querySelector('td[data-key="total"]')), 0);
    const shared = number(document.querySelector('#modules tfoot tr.shared td[data-key="total"]'));
    return {
      title: document.title,
      unitBoxes,
      boxes: document.querySelectorAll(".tm-box").length,
      rows: rows.map((tr) => tr.dataset.module),
      rowTotalPlusShared: rowTotal + shared,
      tableTotal: number(document.getElementById("table-total")),
      budget: document.getElementById("budget-text") ? document.getElementById("budget-text").textContent : null,
      scripts: [...document.querySelectorAll("script[src], link[href]")].length,
    };
  });
  await page.screenshot({ path: screenshot, fullPage: true });
  await page.type("#search", query);
  const after = await page.evaluate(() => ({
    visible: [...document.querySelectorAll("#modules tbody tr:not(.hidden)")].map((tr) => tr.dataset.module),
    shown: document.getElementById("shown").textContent,
    dimmed: document.querySelectorAll(".tm-box.dim").length,
  }));
  // zoom: a click on the biggest package shows its modules alone
  const zoomed = await page.evaluate(() => {
    const pkg = [...document.querySelectorAll('.tm-box[data-level="package"]')]
      .sort((a, b) => Number(b.dataset.size) - Number(a.dataset.size))[0];
    pkg.click();
    return { crumbs: document.getElementById("crumbs").textContent, top: pkg.dataset.name,
      boxes: [...document.querySelectorAll(".tm-box")].filter((b) => b.style.left !== "").length };
  });
  console.log(JSON.stringify({ before, after, zoomed, requests, errors }));
} finally {
  await browser.close();
}
