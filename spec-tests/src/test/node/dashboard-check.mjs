// Loads the directory's dashboard page in jsdom (a DOM written by others), runs its script as a
// browser would, waits until it has rendered WANT_MIXES mix node rows, and prints what a user sees
// as one line of JSON, for DashboardSpecTest.
//
// Usage: node dashboard-check.mjs URL WANT_MIXES
import { JSDOM } from "jsdom";

const [url, wantMixes] = process.argv.slice(2);
const deadline = Date.now() + 30_000;

const dom = await JSDOM.fromURL(url, {
  runScripts: "dangerously",
  resources: "usable",
  pretendToBeVisual: true,
  // jsdom has no fetch: hand the page Node's, against the page's own origin.
  beforeParse(window) {
    window.fetch = (path) => fetch(new URL(path, url));
  },
});
const document = dom.window.document;
const rows = (id) => [...document.querySelectorAll("#" + id + " tbody tr")]
  .map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent));

while (rows("mixnodes").length < Number(wantMixes)) {
  if (Date.now() > deadline) {
    console.error("timed out; status: " + document.getElementById("status").textContent);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}
console.log(JSON.stringify({
  title: document.title,
  status: document.getElementById("status").textContent,
  summary: document.getElementById("summary").textContent,
  mixnodes: rows("mixnodes"),
  providers: rows("providers"),
  images: document.querySelectorAll("img").length,
}));
dom.window.close();
