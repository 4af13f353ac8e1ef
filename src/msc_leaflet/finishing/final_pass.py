"""The last pass over a laid-out PDF, before it is written: what ReportLab cannot write.

ReportLab writes the pages. The structure tree of a tagged PDF (`tagged_pdf.py`) and
the identification and output intents of PDF/A and PDF/X (`conformance.py`) are added
here, through qpdf (pikepdf), by *steps*: each gets the open document and changes it.
The file is then saved once, with object streams: the many small dictionaries of a
structure tree compress with them, so tagging does not make the leaflet much larger
than before (an untagged leaflet even shrinks by about a sixth).

The save is deterministic (the file /ID is a hash of the content), so a build stays
byte-identical run to run and between `-j1` and `-j2`.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

import pikepdf

Step = Callable[[pikepdf.Pdf], None]


def final_pass(pdf: bytes, steps: Sequence[Step] = ()) -> bytes:
    """``pdf`` with every step applied, saved compactly and reproducibly."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for step in steps:
            step(document)
        out = io.BytesIO()
        document.save(
            out,
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            compress_streams=True,
            recompress_flate=False,  # ReportLab's streams are compressed already
            # Else pikepdf reparses and rewrites the XMP packet of `conformance.py` on
            # every save (4 ms), only to update a pdf:PDFVersion we never write.
            fix_metadata_version=False,
        )
        return out.getvalue()
