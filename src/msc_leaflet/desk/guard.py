"""The desk's safety at the edge, before any route runs: the Host header, the token,
the size of a request line, and the security headers on every answer.

A plain ASGI middleware (no per-request thread or body buffering), so an up-to-date
PDF still leaves within a few milliseconds.
"""

from __future__ import annotations

import base64
import hmac
import re
from collections.abc import Callable, Iterable, Mapping

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_PATH = 512  # bytes: the longest real path is well under 100
MAX_QUERY = 2048  # bytes: a pack of 20 leaflets needs about 700
# No script at all; styles and images from the desk itself; forms post back only here.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]", "::1")


def token_matches(header: str, token: str) -> bool:
    """``Authorization: Bearer <token>``, or Basic with the token as password (what a
    browser's own login prompt sends; the user name is ignored).

    Compared as bytes, in constant time: ``header`` is the raw header as read (Latin-1,
    one character per byte), and a non-ASCII token is sent as its UTF-8 bytes (curl
    sends them as typed, and the Basic challenge asks browsers for UTF-8). Comparing
    the Latin-1 text with the token's UTF-8 never matched such a token. The token's
    bytes are those it was given as: set in a locale that is not UTF-8 (``LC_ALL=C``),
    Python holds each byte of a Thai token as a surrogate, and encoding it strictly
    answered every request with a 500 and a traceback.
    """
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer":
        # Stripped as bytes (ASCII blanks only): \xa0 may be half of a UTF-8 letter.
        given = value.encode("latin-1", "replace").strip()
    elif scheme.lower() == "basic":
        try:
            given = base64.b64decode(value.strip(), validate=True).partition(b":")[2]
        except ValueError:
            return False
    else:
        return False
    return hmac.compare_digest(given, token.encode("utf-8", "surrogateescape"))


#: The desk's sentence (a `DESK_MESSAGES` key) heading each refusal: one without the
#: token asks for the password; every other is an address the desk does not serve.
NEEDS_TOKEN = "desk.needs-token"
BAD_ADDRESS = "desk.bad-address"


class Guard:
    """``lead``: the desk's sentence ``key``, in the reader's language, that heads a
    refusal (its English reason follows, for scripts and logs): a Thai desk answered a
    refused request in bare English, the nurse without the token included."""

    def __init__(
        self,
        app: ASGIApp,
        token: str | None,
        hosts: Iterable[str] | None,
        lead: Callable[[Request, str], str] | None = None,
    ) -> None:
        self.app = app
        self.token = token
        self.hosts = {h.lower() for h in hosts} if hosts is not None else None
        self.lead = lead

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal:
            status, reason, challenge = refusal
            if self.lead is not None:
                key = NEEDS_TOKEN if challenge else BAD_ADDRESS
                reason = f"{self.lead(Request(scope), key)}\n{reason}"
            await _plain(send, status, reason, challenge)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = list(HEADERS)
                kind = dict(message.get("headers", [])).get(b"content-type", b"")
                if kind.startswith(b"text/html"):
                    extra.append((b"content-security-policy", CSP.encode()))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str, bool] | None:
        if len(scope.get("raw_path", b"")) > MAX_PATH or len(scope["query_string"]) > MAX_QUERY:
            return 414, "request too long", False
        if repeated := _repeated_header(scope):
            return 400, f"the {repeated} header is given more than once", False
        if self.hosts is not None:
            name = host_name(headers.get("host", ""))
            if name not in self.hosts:  # DNS rebinding: a web page cannot reach the desk
                return 400, "unexpected Host header", False
        if self.token and not token_matches(headers.get("authorization", ""), self.token):
            return 401, "this desk needs its token (as the password)", True
        if scope["method"] not in ("GET", "HEAD"):
            return 405, "the desk only reads", False
        if _from_another_site(headers):
            return 403, "the desk answers its own pages, and links a reader follows", False
        return None


#: The headers the guard decides on, each a single value (RFC 9110, 5.3; Host: RFC 9112,
#: 3.2, "MUST respond with a 400"). Given twice, the guard read the last and Starlette's
#: pages the first: ``Host: evil.example`` then ``Host: 127.0.0.1`` passed the DNS
#: rebinding check while every page saw another site's name; ``Sec-Fetch-Site`` twice
#: could pass as the desk's own page.
SINGLE_HEADERS = (
    "host", "authorization", "origin", "sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest",
    "sec-purpose", "purpose",
)  # fmt: skip


def _repeated_header(scope: Scope) -> str | None:
    """The first of `SINGLE_HEADERS` the request sends more than once, as named there."""
    names = [name.decode("latin-1").lower() for name, _ in scope["headers"]]
    return next((name for name in SINGLE_HEADERS if names.count(name) > 1), None)


#: ``Host`` as RFC 9110 writes it: a name or a bracketed IPv6 address, then an optional
#: port of digits.
_HOST = re.compile(r"(\[[0-9a-f:.]+\]|[^:\[\]@/\\]+)(?::[0-9]{1,5})?")


def host_name(header: str) -> str | None:
    """The host ``header`` names, lower-cased, or None if it is no Host a browser
    writes: the port was cut at the last ':' whatever stood there, so
    ``127.0.0.1:8000@evil.example`` passed as 127.0.0.1.

    One trailing dot is dropped from a name: ``localhost.`` is the fully qualified
    spelling of ``localhost`` (RFC 1034, 3.1), the same host, which a reader may type
    and a browser sends as typed. Only one: ``localhost..`` is no name at all."""
    found = _HOST.fullmatch(header.strip().lower())
    if found is None:
        return None
    name = found.group(1)
    return name[:-1] if name.endswith(".") and not name.endswith("..") else name


OWN_SITE = ("same-origin", "none", "")  # the desk's own page, an address typed, no header


def _from_another_site(headers: dict[str, str]) -> bool:
    """A request another web site's page made in the background (an ``<img>``, a
    ``fetch``, a form sent by script), as the browser says (Fetch Metadata). Its answer
    cannot be read (no CORS), but a PDF or preview route would start a build: any page
    open on the clinic's computer could keep its cores busy and rewrite the outputs.
    "same-site" is another page too: another port of this computer or server (the
    browser ignores ports), a neighbour under the same domain. A link the reader
    follows (a top-level navigation) is let through; a client that sends no such header
    (curl, a script with the token) too. A frame's navigation is no link the reader
    follows: a page may hold any number of invisible frames, each starting a build
    (X-Frame-Options hides the answer, not the work); only the reader's own tab
    (``Sec-Fetch-Dest: document``) is. Nor is a link fetched ahead of a click
    (speculation rules, ``<link rel=prefetch>``: ``Sec-Purpose``, or ``Purpose``)."""
    speculative = any(
        "prefetch" in headers.get(name, "").lower() for name in ("sec-purpose", "purpose")
    )
    followed = (
        headers.get("sec-fetch-mode", "") == "navigate"
        and headers.get("sec-fetch-dest", "document") == "document"
        and not speculative
    )
    return sent_by_another_site(headers) and not followed


def sent_by_another_site(headers: Mapping[str, str]) -> bool:
    """Whether the browser says another site's page made this request, link or not:
    by Fetch Metadata, or by an ``Origin`` that is not the desk's (`_foreign_origin`)."""
    return headers.get("sec-fetch-site", "") not in OWN_SITE or _foreign_origin(headers)


def _foreign_origin(headers: Mapping[str, str]) -> bool:
    """An ``Origin`` naming another host or port than the request's ``Host`` (or
    "null": a sandboxed frame, a file). A browser without Fetch Metadata (Safari before
    16.4: an older clinic iPad) still sends it on a script's ``fetch``; the desk's own
    pages have no script, and send none. The scheme is not compared: behind a TLS
    proxy the desk's own address is https to the browser, http here."""
    origin = headers.get("origin")
    if origin is None:
        return False
    return origin.lower().partition("://")[2] != headers.get("host", "").lower()


async def _plain(send: Send, status: int, text: str, challenge: bool) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8"), *HEADERS]
    if challenge:
        headers.append((b"www-authenticate", b'Basic realm="msc-leaflet desk", charset="UTF-8"'))
    if status == 405:
        headers.append((b"allow", b"GET, HEAD"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": text.encode() + b"\n"})
