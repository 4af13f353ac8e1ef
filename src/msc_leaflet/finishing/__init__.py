"""Finishing: what happens to a leaflet's PDF once the layout has written it.

Each module takes finished PDF bytes (or a file) and makes something from them:
`final_pass` runs the steps that write what ReportLab cannot, among them
`conformance` (XMP, and the PDF/A-2u or PDF/X-4 claim with its output intent);
`imposition` places the trimmed pages on printer's sheets as a saddle-stitched
booklet (pypdf); `join` joins tagged PDFs into one still tagged (the desk's patient
pack); `preview` renders pages to PNG pictures and a contact sheet
(PDFium); `preflight` reports what a print shop checks in any finished PDF. Nothing
here draws with ReportLab: crop marks and page boxes are drawn while the page is laid
out (``layout/print_marks.py``), so the layout stage never depends on this one.
"""
