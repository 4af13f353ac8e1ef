"""The desk's one remembered choice, the interface language, read from the request's
cookies as a browser sends them when it holds more than one ``desk_ui``.

Starlette's ``request.cookies`` reads only the first ``Cookie`` header (an HTTP/2
client, or a proxy in front, may send one header per cookie) and keeps the *last* of
two cookies of one name ("desk_ui=th; desk_ui=en"). A browser sends the cookie of the
most specific path first (RFC 6265, 5.4), so the desk takes the first value it can
use, in the order the headers and cookies came.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from starlette.requests import HTTPConnection


def cookie_values(connection: HTTPConnection, name: str) -> Iterator[str]:
    """Every value of cookie ``name``, in the order sent, across all ``Cookie``
    headers; a value in double quotes is given without them."""
    for header in connection.headers.getlist("cookie"):
        for pair in header.split(";"):
            key, equals, value = pair.partition("=")
            if not equals or key.strip() != name:
                continue
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            yield value


def first_usable(connection: HTTPConnection, name: str, usable: Collection[str]) -> str:
    """The first value of cookie ``name`` found in ``usable``, else ``""``: a stale or
    foreign ``desk_ui`` ahead of the desk's own does not hide it."""
    return next((value for value in cookie_values(connection, name) if value in usable), "")
