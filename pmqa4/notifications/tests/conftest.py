"""A local fake of the LINE Messaging API (a real HTTP server in a thread), and LINE settings
that point at it."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

TOKEN = "test-channel-access-token"
LINE_ID_A = "U" + "a" * 32
LINE_ID_B = "U" + "b" * 32


class FakeLine:
    """Records every request; answers from ``answers`` (status, body, delay) in turn, then 200."""

    def __init__(self):
        self.requests: list[dict] = []
        self.answers: list[tuple[int, dict, float]] = []
        self.lock = threading.Lock()

    def answer(self, *statuses: int, delay: float = 0.0) -> None:
        for status in statuses:
            body = {} if status == 200 else {"message": f"fake error {status}"}
            self.answers.append((status, body, delay))

    @property
    def pushes(self) -> list[dict]:
        return [r for r in self.requests if r["path"] == "/v2/bot/message/push"]


def _handler(fake: FakeLine):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            with fake.lock:
                fake.requests.append(
                    {
                        "path": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "json": json.loads(raw.decode("utf-8")),
                    }
                )
                status, body, delay = fake.answers.pop(0) if fake.answers else (200, {}, 0.0)
            if delay:
                time.sleep(delay)
            payload = json.dumps(body or {"sentMessages": [{"id": "1", "quoteToken": "q"}]})
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("x-line-request-id", "fake-request")
            self.end_headers()
            self.wfile.write(payload.encode())

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def fake_line():
    fake = FakeLine()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def line_on(settings, fake_line):
    """LINE switched on, with our token, against the fake."""
    settings.LINE_ENABLED = True
    settings.LINE_CHANNEL_ACCESS_TOKEN = TOKEN
    settings.LINE_API_BASE = fake_line.url
    settings.LINE_TIMEOUT_SECONDS = 2
    return fake_line
