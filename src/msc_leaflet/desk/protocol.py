"""How uvicorn serves the desk to clients that may be slow, idle or hostile.

uvicorn's defaults suit a server behind a proxy that buffers requests: it closes an
idle connection only after a response (keep-alive), so a client that connects and
sends nothing, or a request line and headers a byte at a time ("slowloris"), holds a
connection for ever; and it accepts any number of connections. On a clinic network a
single such client (a scanner, a broken tablet app, a hostile neighbour) could hold
every file descriptor the desk has. Here each request's line and headers must arrive
within `HEADER_SECONDS` of the connection (or of the previous response); connections
beyond `MAX_CONNECTIONS` are answered 503 at once; headers are capped in size.

The desk reads no request body (GET and HEAD only), so a request that comes with one
closes its connection once answered: a body sent a byte at a time resets uvicorn's
keep-alive timer with every byte, and a body carrying another request (both
``Content-Length`` and ``Transfer-Encoding``, RFC 9112 §6.1) must not be answered.
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..i18n.desk_labels import DESK_MESSAGES

HEADER_SECONDS = 10.0  # a request's line and headers, once connected or answered
KEEP_ALIVE_SECONDS = 5  # a connection idle after a response (uvicorn's default)
# Several tablets and desk computers, each browser with about 6 connections per site
# (pages, pictures, the stylesheet and font): far above a clinic's use, far below the
# file descriptors a process has (1024 by default).
MAX_CONNECTIONS = 200
MAX_HEADER_BYTES = 16 * 1024  # request line and headers: the desk's are under 2 KiB


#: What leads the answer to a request that cannot be read (`DeskProtocol.send_400_response`).
UNREADABLE = DESK_MESSAGES["desk.bad-address"]


class DeskProtocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request's line and headers.

    The deadline is armed when the connection opens and after every response, and
    cancelled once h11 has read a whole request head (the client's state leaves
    IDLE): data trickling in does not reset it, as it resets uvicorn's keep-alive."""

    header_seconds = HEADER_SECONDS

    def __init__(self, config: Config, *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        self._head_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._await_head()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._cancel_deadline()

    def on_response_complete(self) -> None:
        if carries_body(self.headers) and not self.transport.is_closing():
            # Before uvicorn reads on: a request pipelined after the body is not answered.
            self.conn.send(h11.ConnectionClosed())
            self.transport.close()
        super().on_response_complete()
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self._await_head()  # the next request on this connection, if any

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_deadline()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        """A request h11 cannot read (a NUL, CR or LF inside a header, a line that is
        no HTTP) was answered "Invalid HTTP request received.", words of no page of
        the desk's. It is answered as the guard answers an address it does not serve:
        the desk's sentence, then the reason in English. The sentence is English: a
        request that cannot be read names no language of its reader's."""
        super().send_400_response(f"{UNREADABLE}\n{msg}")

    def _await_head(self) -> None:
        self._cancel_deadline()
        self._head_deadline = self.loop.call_later(self.header_seconds, self._too_slow)

    def _cancel_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _too_slow(self) -> None:
        self._head_deadline = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def carries_body(headers: list[tuple[bytes, bytes]]) -> bool:
    """Whether a request's ``headers`` (lower-case names, as uvicorn keeps them) announce
    a body: any ``Transfer-Encoding``, or a ``Content-Length`` other than 0 (which
    some clients send on every request)."""
    return any(
        name == b"transfer-encoding" or (name == b"content-length" and value.strip() != b"0")
        for name, value in headers
    )


def server_config(app: Any, host: str, port: int) -> Config:
    """uvicorn's settings for the desk: the limits above, no WebSockets (the desk has
    none), no version in a ``Server`` header."""
    return Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        http=DeskProtocol,
        ws="none",
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        limit_concurrency=MAX_CONNECTIONS,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
    )
