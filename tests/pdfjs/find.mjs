// Search a PDF as Firefox's find bar does: pdf.js's own PDFFindController (its text
// extraction, its normalize(), its query regular expression), default options (case and
// diacritics ignored, not whole words). Prints, as JSON, how many matches each query
// (read as a JSON list on standard input) has in the whole document, and the page text
// the controller searched (after its normalisation). With --match-diacritics, as with
// the find bar's "Match Diacritics" box ticked.
// Usage: node find.mjs file.pdf [--match-diacritics] < queries.json
import { readFileSync } from "node:fs";
import { openPdf } from "./open.mjs";

// pdf_viewer.mjs builds a few DOM nodes and asks for an animation frame when it loads;
// the find controller uses neither. A stub that answers anything keeps jsdom out.
const stub = () =>
  new Proxy(function () {}, {
    get: (_, key) => (key === Symbol.toPrimitive ? () => "" : stub()),
    apply: () => stub(),
    construct: () => stub(),
  });
globalThis.document ??= stub();
globalThis.window ??= stub();
const { PDFFindController, EventBus } = await import("pdfjs-dist/legacy/web/pdf_viewer.mjs");

const pdf = await openPdf(process.argv[2]);
const queries = JSON.parse(readFileSync(0, "utf8"));
const matchDiacritics = process.argv.includes("--match-diacritics");
const eventBus = new EventBus();
const linkService = { pagesCount: pdf.numPages, page: 1, rotation: 0 };
// Counted once every page is searched, not page by page.
const finder = new PDFFindController({ linkService, eventBus, updateMatchesCountOnProgress: false });
finder.setDocument(pdf);
const counts = {};
for (const query of queries) {
  const counted = new Promise((resolve) => {
    const listener = ({ matchesCount }) => {
      eventBus._off("updatefindmatchescount", listener);
      resolve(matchesCount.total);
    };
    eventBus._on("updatefindmatchescount", listener);
  });
  eventBus.dispatch("find", {
    source: null,
    type: "find",
    query,
    caseSensitive: false,
    entireWord: false,
    findPrevious: false,
    highlightAll: true,
    matchDiacritics,
  });
  counts[query] = await counted;
}
process.stdout.write(JSON.stringify({ counts, pages: finder._pageContents }));
