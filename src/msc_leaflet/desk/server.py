"""`msc-leaflet serve`: refuse an unsafe address, then run the desk under uvicorn.

Bound to 127.0.0.1 (the default) only this computer reaches the desk, and the Host
header must name it (a web page elsewhere cannot rebind a name to it). Any other
address is reachable by the network: the desk then refuses to start without a token,
which every request must carry (a browser asks for it as a password).
"""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import os
import socket
import sys
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
    """Host names a browser on this computer uses; None (any) beyond localhost.

    The address bound is one of them, as a browser writes it in ``Host``: any of
    127.0.0.0/8 is loopback (``--host 127.0.0.2``, no token), and every request to it
    was refused as a foreign Host; IPv6 in brackets, compressed (``[::1]``).
    """
    if not is_loopback(host):
        return None
    names = ["127.0.0.1", "localhost", "[::1]"]
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return names  # localhost
    shown = f"[{address.compressed}]" if address.version == 6 else address.compressed
    return list(dict.fromkeys([*names, shown]))


def checked_token(host: str, token: str | None) -> str | None:
    token = token or os.environ.get(TOKEN_VARIABLE) or None
    if token is not None and len(token) < MIN_TOKEN:
        raise LeafletError(
            _OPTION_TOKEN,
            f"the desk token is shorter than {MIN_TOKEN} characters",
            "choose a longer one, e.g. python3 -c 'import secrets; print(secrets.token_urlsafe())'",
        )
    if token is None and not is_loopback(host):
        raise LeafletError(
            _OPTION_HOST,
            f"refusing to listen on {host} without a token: "
            "anyone on the network could use the desk",
            f"set --token or the {TOKEN_VARIABLE} environment variable, or keep --host 127.0.0.1",
        )
    return token


def listening_sockets(host: str, port: int) -> list[socket.socket]:
    """Sockets bound to every address ``host`` names (``localhost``: IPv4 and IPv6), as
    asyncio would bind them, or a `LeafletError` saying why not.

    Bound before the desk announces its address: uvicorn binds only once the app has
    started, after the URL is printed (another program's URL, when the port is taken),
    and then exits 3 with its own message.
    """
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError):
        raise _address_error(_OPTION_HOST, f"{host} is not a known address or name") from None
    sockets: list[socket.socket] = []
    try:
        for family, kind, proto, _, address in dict.fromkeys(found):
            sockets.append(_bound(family, kind, proto, address, host, port))
    except BaseException:
        for sock in sockets:
            sock.close()
        raise
    return sockets


def _bound(
    family: int, kind: int, proto: int, address: tuple[object, ...], host: str, port: int
) -> socket.socket:
    """One socket bound to ``address``; options as asyncio's ``create_server`` sets them
    (a desk just stopped does not hold its port, IPv6 does not also take IPv4)."""
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise _bind_error(host, port, exc) from None
    return sock


def _bind_error(host: str, port: int, exc: OSError) -> LeafletError:
    if exc.errno == errno.EADDRINUSE:
        return _address_error(
            _OPTION_PORT,
            f"port {port} is already in use on {host}",
            f"choose another port (e.g. --port {port + 1 if port < 65535 else 8000}), "
            "or stop the program that uses it",
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _address_error(
            _OPTION_PORT, f"not allowed to listen on port {port}", "choose a --port above 1023"
        )
    if exc.errno == errno.EADDRNOTAVAIL:
        return _address_error(_OPTION_HOST, f"{host} is not an address of this computer")
    reason = (exc.strerror or "failed").lower()
    return _address_error(_OPTION_HOST, f"cannot listen on {host} port {port}: {reason}")


def _address_error(option: Location, message: str, hint: str = "") -> LeafletError:
    """An address the desk cannot listen on, named by the ``option`` to change."""
    return LeafletError(
        option,
        message,
        hint or "check --host: 127.0.0.1 for this computer only, 0.0.0.0 for every network",
    )


# Where a serve error points: the option to change, as SOURCE_DATE_EPOCH's errors name
# the variable (no file is at fault; "." read as one).
_OPTION_HOST, _OPTION_PORT, _OPTION_TOKEN = (
    Location(Path(option)) for option in ("--host", "--port", "--token")
)


def exposed_token_warning(host: str, typed: bool) -> str | None:
    """The warning for a token typed on the command line of a desk on the network:
    every user of this computer reads it in the process list (``ps``, /proc) and can
    then use the desk from anywhere. From the environment it is the user's own."""
    if not typed or is_loopback(host):
        return None
    return (
        "warning: --token: every user of this computer can read it in the process list "
        f"(ps); set the {TOKEN_VARIABLE} environment variable instead, "
        f"e.g. export {TOKEN_VARIABLE}=...; msc-leaflet serve --host {host}"
    )


def serve(
    project: Path,
    host: str,
    port: int,
    token: str | None,
    workers: int | None,
    *,
    token_typed: bool = False,
) -> None:
    """Run the desk until Ctrl-C; ``token_typed``: the token was given as ``--token``."""
    import uvicorn

    from ..build.workers import most_workers
    from ..project import Project
    from .app import create_app
    from .protocol import server_config

    root = Project.at(project).root
    secret = checked_token(host, token)
    if warning := exposed_token_warning(host, token_typed):
        print(warning, file=sys.stderr, flush=True)
    sockets = listening_sockets(host, port)
    with contextlib.ExitStack() as stack:
        for sock in sockets:
            stack.enter_context(sock)
        app = create_app(root, token=secret, hosts=allowed_hosts(host, port), workers=workers)
        shown = f"[{host}]" if ":" in host else host
        print(f"desk for {root} at http://{shown}:{port}/  (Ctrl-C stops it)", flush=True)
        if workers is not None and workers > most_workers():
            print(f"note: --workers {workers}: {most_workers()} at most (4 per CPU core)")
        uvicorn.Server(server_config(app, host, port)).run(sockets=sockets)
