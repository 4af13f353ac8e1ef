"""The last pass over a laid-out PDF, before it is written: what ReportLab cannot write.

ReportLab writes the pages. The structure tree of a tagged PDF (`tagged_pdf.py`) and
the identification and output intents of PDF/A and PDF/X (`conformance.py`) are added
here, through qpdf (pikepdf), by *steps*: each gets the open document and changes it.
The file is then saved once, with object streams: the many small dictionaries of a
structure tree compress with them, so tagging does not make the leaflet much larger
than before (an untagged leaflet even shrinks by about a sixth).

Every stream is compressed here, once, at zlib's best level: the layout writes its
pages, forms and font programs plain (``pageCompression=0``), which spares compressing
them twice (ReportLab at zlib's default level, then qpdf again for what the steps
rewrote) and makes the file about 1 % smaller than level 6 would, for ~1 ms more on a
Thai leaflet. A stream that comes compressed (an image, another tool's PDF) is kept as
it is: the layout stores its pictures binary, a JPEG as /DCTDecode and anything else as
/FlateDecode alone (`layout/images.py`), since a stream wrapped in ASCII85 too is one
qpdf decodes and compresses again (a print build's photos: 13 s of 28, #20).

The save is deterministic (the file /ID is a hash of the content), so a build stays
byte-identical run to run and between `-j1` and `-j2`.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Final

import pikepdf

Step = Callable[[pikepdf.Pdf], None]
FLATE_LEVEL: Final = 9  # zlib's best; the level qpdf compresses every plain stream at


def final_pass(pdf: bytes, steps: Sequence[Step] = ()) -> bytes:
    """``pdf`` with every step applied, saved compactly and reproducibly."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for step in steps:
            step(document)
        return save_compactly(document)


def save_compactly(document: pikepdf.Pdf) -> bytes:
    """``document`` saved as every output is: object streams, every plain stream
    compressed once at `FLATE_LEVEL`, a deterministic file /ID."""
    out = io.BytesIO()
    pikepdf.settings.set_flate_compression_level(FLATE_LEVEL)  # for this process
    document.save(
        out,
        deterministic_id=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
        compress_streams=True,
        recompress_flate=False,  # what comes compressed stays so
        # Else pikepdf reparses and rewrites the XMP packet of `conformance.py` on
        # every save (4 ms), only to update a pdf:PDFVersion we never write.
        fix_metadata_version=False,
    )
    return out.getvalue()
