"""Throwaway Redis servers for fault tests: each test that breaks Redis breaks its own.

`own_redis()` starts `redis-server` on a free port (no persistence), yields its URL and stops
it afterwards; `black_hole()` is a port that accepts connections and never answers, like a
Redis that hangs. Nothing here touches the machine's shared Redis.
"""

import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from contextlib import contextmanager

import pytest
import redis

REDIS_SERVER = shutil.which("redis-server")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require_redis_server() -> None:
    """Skip without the redis-server program on a developer's machine; fail under CI=true."""
    if REDIS_SERVER is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("redis-server is needed for the cache fault tests")
        pytest.skip("redis-server is not installed")


class RedisProcess:
    """One redis-server process on a fixed port, which a test may stop and start again."""

    def __init__(self, port: int | None = None, *options: str):
        self.port = port or free_port()
        self.options = options
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url, socket_timeout=2, socket_connect_timeout=2)

    def start(self) -> "RedisProcess":
        require_redis_server()
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                *self.options,
            ],  # fmt: skip
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if self.client().ping():
                    return self
            except redis.RedisError:
                time.sleep(0.05)
        self.stop()
        pytest.fail(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def fill_up(self) -> None:
        """Redis at maxmemory with noeviction, as a capped production Redis gets: every
        write that needs memory is refused (OutOfMemoryError); reads still work."""
        client = self.client()
        client.config_set("maxmemory-policy", "noeviction")
        client.config_set("maxmemory", "1")  # bytes: less than it already uses


@contextmanager
def own_redis(*options: str):
    server = RedisProcess(None, *options).start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def black_hole():
    """A port that accepts connections (the kernel's backlog does) and never answers.
    Yields (url, connections), where connections() counts the ones made so far."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0", lambda: len(accepted)
    finally:
        stop.set()
        thread.join()
        for conn in accepted:
            conn.close()
        listener.close()
