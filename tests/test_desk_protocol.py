"""The desk's HTTP server against slow and hostile clients, on a real socket."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn

from msc_leaflet.desk.protocol import MAX_HEADER_BYTES, DeskProtocol, server_config


async def hello(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]}
    )
    await send({"type": "http.response.body", "body": b"ok"})


@pytest.fixture
def port(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """A desk-configured uvicorn on loopback, with a head deadline short enough to test."""
    monkeypatch.setattr(DeskProtocol, "header_seconds", 0.5)
    listening = socket.socket()
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listening.bind(("127.0.0.1", 0))
    number = listening.getsockname()[1]
    server = uvicorn.Server(server_config(hello, "127.0.0.1", number))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield number
    server.should_exit = True
    thread.join(10)
    listening.close()


def closed_by_server(sock: socket.socket) -> bool:
    try:
        return sock.recv(1024) == b""
    except (ConnectionResetError, TimeoutError):
        return False


def test_a_client_that_trickles_its_headers_is_disconnected(port: int) -> None:
    """A request head sent a byte at a time ("slowloris"), or nothing at all after
    connecting, held its connection for ever: uvicorn's keep-alive timer runs only
    after a response, and any byte received resets it. A few hundred such clients
    held every file descriptor of the desk. Now the head must arrive in time."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as idle:
        assert closed_by_server(idle)
    head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-Slow: " + b"a" * 400
    with socket.create_connection(("127.0.0.1", port), timeout=10) as slow:
        sent = 0
        try:
            while sent < len(head):
                slow.sendall(head[sent : sent + 1])
                sent += 1
                time.sleep(0.02)  # 400 bytes: 8 s, far beyond the deadline
        except (BrokenPipeError, ConnectionResetError):
            pass
        assert sent < len(head) or closed_by_server(slow)


def test_a_prompt_client_is_served_and_kept_alive(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        for _ in range(2):  # the second request on the same connection
            client.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            answer = b""
            while not answer.endswith(b"ok"):
                answer += client.recv(1024)
            assert answer.startswith(b"HTTP/1.1 200")


def test_oversized_headers_are_refused(port: int) -> None:
    """A head is refused once it has grown past the cap unfinished (h11 checks between
    reads, so one read's worth may pass): far larger, it is never buffered whole."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        big = b"X-Big: " + b"a" * (16 * MAX_HEADER_BYTES) + b"\r\n"
        try:
            client.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + big + b"\r\n")
            answer = client.recv(1024)
        except (BrokenPipeError, ConnectionResetError):
            return  # refused before it was all sent
        assert answer.startswith(b"HTTP/1.1 4")
