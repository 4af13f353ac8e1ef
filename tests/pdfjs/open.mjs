// Open a PDF with pdf.js the way text.mjs and structure.mjs read it.
// pdf.js wants a canvas package only to render; text and structure never call these, but
// the module builds a DOMMatrix when it loads. Stubs keep @napi-rs/canvas (a native
// optional dependency) out of the install.
import { readFileSync } from "node:fs";

for (const name of ["DOMMatrix", "ImageData", "Path2D"]) {
  globalThis[name] ??= class {};
}
const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");

export async function openPdf(path) {
  const data = new Uint8Array(readFileSync(path));
  return getDocument({ data, verbosity: 0, disableFontFace: true, useSystemFonts: false }).promise;
}
