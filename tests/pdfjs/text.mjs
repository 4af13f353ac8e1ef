// Print what pdf.js's getTextContent returns for each page of a PDF, as JSON:
// [[{str, hasEOL, x, y, w, font}, ...], ...] — the items Firefox's find bar searches.
// Usage: node text.mjs file.pdf
import { openPdf } from "./open.mjs";

const pdf = await openPdf(process.argv[2]);
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  pages.push(
    content.items.map((item) => ({
      str: item.str,
      hasEOL: item.hasEOL,
      x: item.transform[4],
      y: item.transform[5],
      w: item.width,
      font: item.fontName,
    })),
  );
}
process.stdout.write(JSON.stringify(pages));
