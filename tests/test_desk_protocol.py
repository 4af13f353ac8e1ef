"""The desk's HTTP server against slow and hostile clients, on a real socket."""

from __future__ import annotations

import select
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn

from msc_leaflet.desk.protocol import MAX_HEADER_BYTES, UNREADABLE, DeskProtocol, server_config


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


def held_open(sock: socket.socket, chunk: bytes, seconds: float = 10.0) -> bool:
    """Whether the server keeps ``sock`` open while the client goes on sending ``chunk``
    four times a second for ``seconds`` (far beyond the keep-alive and head deadlines)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            sock.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            return False
        readable, _, _ = select.select([sock], [], [], 0.25)
        if readable and closed_by_server(sock):
            return False
    return True


def answer_head(sock: socket.socket) -> bytes:
    answer = b""
    while b"\r\n\r\n" not in answer:
        answer += sock.recv(1024)
    return answer


@pytest.mark.parametrize(
    ("head", "trickle"),
    [
        (b"Content-Length: 1000000000\r\n", b"x"),  # 1 GB announced, a byte at a time
        (b"Transfer-Encoding: chunked\r\n", b"1\r\nx\r\n"),  # chunks that never end
    ],
)
def test_a_body_that_never_ends_does_not_hold_the_connection(
    port: int, head: bytes, trickle: bytes
) -> None:
    """The desk reads no request body (it answers GET and HEAD; anything else 405), yet
    a body announced and then sent a byte a second held its connection for ever: each
    byte reset uvicorn's keep-alive timer, and the head deadline had been met. Two
    hundred such clients left every reader of the desk a 503. Now the connection
    closes once the request is answered."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        client.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + head + b"\r\n")
        assert answer_head(client).startswith(b"HTTP/1.1 200")
        assert not held_open(client, trickle)


def test_a_request_with_two_lengths_is_answered_alone_then_closed(port: int) -> None:
    """``Content-Length`` and ``Transfer-Encoding`` together are how a request is
    smuggled past a proxy that reads the other one (the TLS proxy docs/desk.md
    recommends): RFC 9112 §6.1 has the server close the connection after answering
    it. The desk answered the request hidden in the body too, on the same connection."""
    smuggled = (
        b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
        b"GET /hidden HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        client.sendall(smuggled)
        answers = b""
        while chunk := client.recv(1024):
            answers += chunk
    assert answers.count(b"HTTP/1.1 ") == 1


def test_an_empty_body_keeps_the_connection(port: int) -> None:
    """``Content-Length: 0`` (some clients send it on every request) is no body."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        for _ in range(2):
            client.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n")
            answer = b""
            while not answer.endswith(b"ok"):
                answer += client.recv(1024)
            assert answer.startswith(b"HTTP/1.1 200")


@pytest.mark.parametrize(
    "header",
    [b"X-Note: a\x00b", b"X-Note: a\rb", b"Host: 127.0.0.1\x00.evil.example", b"\x16\x03\x01"],
)
def test_a_request_that_cannot_be_read_is_answered_in_the_desks_words(
    port: int, header: bytes
) -> None:
    """A NUL or a lone CR inside a header, or a TLS hello sent to plain HTTP, was
    answered "Invalid HTTP request received.", words of no page of the desk's. It is
    answered (400) as the guard answers an address it does not serve: the desk's
    sentence first, then the reason; the connection is closed."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + b"\r\n\r\n")
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400")
    assert b"text/plain" in head
    assert body.decode().startswith(UNREADABLE + "\n"), body
