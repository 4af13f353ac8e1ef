// Print what pdf.js's getTextContent returns for each page of a PDF, as JSON:
// [[{str, hasEOL, x, y, w, font}, ...], ...] — the items Firefox's find bar searches.
// Unnormalised, as Firefox's viewer asks for them (pdf_viewer.mjs: its text layer and
// its find controller both pass disableNormalization): getTextContent's default rewrites
// text (Lao ຳ U+0EB3 as ໍ + າ), which no user of Firefox sees or copies.
// Usage: node text.mjs file.pdf
import { openPdf } from "./open.mjs";

const pdf = await openPdf(process.argv[2]);
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent({ disableNormalization: true });
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
