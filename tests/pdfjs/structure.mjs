// Print what pdf.js's getStructTree returns for each page of a PDF, as JSON: the tree
// Firefox's reader and accessibility tree are built from ({role, lang, alt, children}),
// with each content node's text from getTextContent({includeMarkedContent: true}).
// Usage: node structure.mjs file.pdf
import { openPdf } from "./open.mjs";

const pdf = await openPdf(process.argv[2]);
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const tree = await page.getStructTree();
  // The text of each marked-content id, as pdf.js reads it.
  const content = await page.getTextContent({ includeMarkedContent: true, disableNormalization: true });
  const texts = {};
  const open = [];
  for (const item of content.items) {
    if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
      open.push(item.id ?? null);
    } else if (item.type === "endMarkedContent") {
      open.pop();
    } else if (item.str !== undefined) {
      const id = open.findLast((x) => x !== null);
      if (id) texts[id] = (texts[id] ?? "") + item.str;
    }
  }
  pages.push({ tree, texts });
}
process.stdout.write(JSON.stringify(pages));
