"""``python -m msc_leaflet`` is the same as the ``msc-leaflet`` command."""

from .cli.app import main

main()
