"""`msc-leaflet serve`: refuse an unsafe address, then run the desk under uvicorn.

Bound to 127.0.0.1 (the default) only this computer reaches the desk, and the Host
header must name it (a web page elsewhere cannot rebind a name to it). Any other
address is reachable by the network: the desk then refuses to start without a token,
which every request must carry (a browser asks for it as a password).
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

from ..errors import LeafletError, Location

TOKEN_VARIABLE = "MSC_DESK_TOKEN"
MIN_TOKEN = 12  # characters: a word a passer-by cannot guess


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, port: int) -> list[str] | None:
    """Host names a browser on this computer uses; None (any) beyond localhost."""
    return ["127.0.0.1", "localhost", "[::1]"] if is_loopback(host) else None


def checked_token(host: str, token: str | None) -> str | None:
    token = token or os.environ.get(TOKEN_VARIABLE) or None
    if token is not None and len(token) < MIN_TOKEN:
        raise LeafletError(
            Location(Path(".")),
            f"the desk token is shorter than {MIN_TOKEN} characters",
            "choose a longer one, e.g. python3 -c 'import secrets; print(secrets.token_urlsafe())'",
        )
    if token is None and not is_loopback(host):
        raise LeafletError(
            Location(Path(".")),
            f"refusing to listen on {host} without a token: "
            "anyone on the network could use the desk",
            f"set --token or the {TOKEN_VARIABLE} environment variable, or keep --host 127.0.0.1",
        )
    return token


def serve(project: Path, host: str, port: int, token: str | None, workers: int | None) -> None:
    import uvicorn

    from ..project import Project
    from .app import create_app

    root = Project.at(project).root
    secret = checked_token(host, token)
    app = create_app(root, token=secret, hosts=allowed_hosts(host, port), workers=workers)
    shown = f"[{host}]" if ":" in host else host
    print(f"desk for {root} at http://{shown}:{port}/  (Ctrl-C stops it)", flush=True)
    uvicorn.Server(
        uvicorn.Config(app, host=host, port=port, log_level="warning", server_header=False)
    ).run()
