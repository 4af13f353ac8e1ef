// Print what pdf.js's getTextContent returns for each page of a PDF, as JSON:
// [[{str, hasEOL, x, y, w, font}, ...], ...] — the items Firefox's find bar searches.
// Usage: node text.mjs file.pdf
import { readFileSync } from "node:fs";

// pdf.js wants a canvas package only to render; text extraction never calls these, but
// the module builds a DOMMatrix when it loads. Stubs keep @napi-rs/canvas (a native
// optional dependency) out of the install.
for (const name of ["DOMMatrix", "ImageData", "Path2D"]) {
  globalThis[name] ??= class {};
}
const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");

const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, verbosity: 0, disableFontFace: true, useSystemFonts: false }).promise;
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
