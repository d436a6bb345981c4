"""A fake Gemini REST server on 127.0.0.1, driven through the real google-genai SDK.

It speaks the Gemini Developer API wire format (v1beta):
  POST /v1beta/models/{model}:generateContent
  POST /v1beta/models/{model}:streamGenerateContent?alt=sse
  POST /v1beta/models/{model}:batchEmbedContents

Replies come from a FIFO script (`server.script(...)`) and, when it is empty, from a responder
function. Faults are replies too: errors with Retry-After, malformed bodies, truncated streams,
hangs. Every request is recorded (body, headers, arrival time) and the server tracks the peak
number of requests in flight, so tests can count retries and check concurrency bounds.

Each request runs on its own thread (ThreadingHTTPServer), so latency never serialises
concurrent calls.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

GENERATE = "generateContent"
STREAM = "streamGenerateContent"
EMBED = "batchEmbedContents"


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it."""

    action: str  # generateContent | streamGenerateContent | batchEmbedContents
    model: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any  # parsed JSON, or None if the body was not JSON
    arrived: float  # time.monotonic() on arrival

    @property
    def prompt_text(self) -> str:
        """All text the client sent: system instruction and every content part."""
        if not isinstance(self.body, dict):
            return ""
        texts: list[str] = []
        system = self.body.get("systemInstruction") or {}
        texts.extend(p.get("text", "") for p in system.get("parts", []))
        for content in self.body.get("contents", []):
            texts.extend(p.get("text", "") for p in content.get("parts", []))
        return "\n".join(texts)

    @property
    def user_text(self) -> str:
        """The text of the last user turn (what a responder usually answers)."""
        if not isinstance(self.body, dict):
            return ""
        contents = [c for c in self.body.get("contents", []) if c.get("role", "user") == "user"]
        if not contents:
            return ""
        return "\n".join(p.get("text", "") for p in contents[-1].get("parts", []))

    @property
    def inline_parts(self) -> list[tuple[str, bytes]]:
        """(mime type, bytes) of every inline data part (page images), in the order sent."""
        if not isinstance(self.body, dict):
            return []
        return [
            (_mime(p["inlineData"]), _bytes(p["inlineData"]))
            for content in self.body.get("contents", [])
            for p in content.get("parts", [])
            if isinstance(p.get("inlineData"), dict)
        ]

    @property
    def generation_config(self) -> dict[str, Any]:
        if not isinstance(self.body, dict):
            return {}
        config = self.body.get("generationConfig") or {}
        return config if isinstance(config, dict) else {}

    @property
    def embed_texts(self) -> list[str]:
        if not isinstance(self.body, dict):
            return []
        return [
            "".join(p.get("text", "") for p in r.get("content", {}).get("parts", []))
            for r in self.body.get("requests", [])
        ]


@dataclass(frozen=True)
class Reply:
    """What the server does for one request. Build with the class methods."""

    kind: str
    status: int = 200
    text: str = ""
    chunks: tuple[str, ...] = ()
    body: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0
    finish_reason: str | None = "STOP"
    vectors: tuple[tuple[float, ...], ...] | None = None
    hang_seconds: float = 60.0

    @classmethod
    def model_text(cls, text: str, *, delay: float = 0.0, finish_reason: str | None = "STOP") -> Reply:
        """A successful answer whose model output is `text` (streamed in a few chunks if streaming)."""
        return cls("text", text=text, delay=delay, finish_reason=finish_reason)

    @classmethod
    def model_json(cls, value: Any, *, delay: float = 0.0) -> Reply:
        return cls.model_text(json.dumps(value), delay=delay)

    @classmethod
    def stream(
        cls, chunks: Sequence[str], *, delay: float = 0.0, finish_reason: str | None = "STOP"
    ) -> Reply:
        return cls(
            "text", text="".join(chunks), chunks=tuple(chunks), delay=delay, finish_reason=finish_reason
        )

    @classmethod
    def truncated_stream(cls, chunks: Sequence[str], *, delay: float = 0.0) -> Reply:
        """Sends `chunks` as SSE events, then drops the connection mid-response."""
        return cls("truncated", chunks=tuple(chunks), delay=delay)

    @classmethod
    def error(
        cls, status: int, *, retry_after: float | None = None, message: str = "", delay: float = 0.0
    ) -> Reply:
        headers: tuple[tuple[str, str], ...] = ()
        if retry_after is not None:
            headers = (("Retry-After", _format_seconds(retry_after)),)
        names = {
            400: "INVALID_ARGUMENT",
            403: "PERMISSION_DENIED",
            404: "NOT_FOUND",
            429: "RESOURCE_EXHAUSTED",
        }
        names |= {500: "INTERNAL", 503: "UNAVAILABLE", 504: "DEADLINE_EXCEEDED"}
        err = {
            "code": status,
            "message": message or f"fake error {status}",
            "status": names.get(status, "UNKNOWN"),
        }
        return cls("raw", status=status, body=json.dumps({"error": err}), headers=headers, delay=delay)

    @classmethod
    def raw(cls, body: str, *, status: int = 200, delay: float = 0.0) -> Reply:
        """An HTTP body sent verbatim (for example, text that is not JSON at all)."""
        return cls("raw", status=status, body=body, delay=delay)

    @classmethod
    def hang(cls, seconds: float = 60.0) -> Reply:
        """Never answers (until `seconds` pass or the server stops): the client must time out."""
        return cls("hang", hang_seconds=seconds)

    @classmethod
    def embeddings(cls, vectors: Sequence[Sequence[float]], *, delay: float = 0.0) -> Reply:
        return cls("embed", vectors=tuple(tuple(v) for v in vectors), delay=delay)


Responder = Callable[[RecordedRequest], "Reply | str | None"]


def _format_seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def hashed_vector(text: str, dimension: int) -> list[float]:
    """A deterministic unit vector for `text` (stands in for a real embedding)."""
    raw: list[float] = []
    counter = 0
    while len(raw) < dimension:
        digest = hashlib.sha256(f"{counter}:{text}".encode()).digest()
        raw.extend((b - 127.5) / 127.5 for b in digest)
        counter += 1
    vec = raw[:dimension]
    norm = math.sqrt(sum(v * v for v in vec)) or 1.0
    return [v / norm for v in vec]


def default_responder(request: RecordedRequest) -> Reply:
    """Embeddings are answered deterministically; anything else must be scripted."""
    if request.action == EMBED:
        body = request.body if isinstance(request.body, dict) else {}
        vectors = []
        for r, text in zip(body.get("requests", []), request.embed_texts, strict=False):
            vectors.append(hashed_vector(text, int(r.get("outputDimensionality") or 768)))
        return Reply.embeddings(vectors)
    return Reply.error(500, message="fake gemini: no scripted reply for this request")


@dataclass
class _State:
    lock: threading.Lock = field(default_factory=threading.Lock)
    queue: deque[Reply] = field(default_factory=deque)
    responder: Responder | None = None
    requests: list[RecordedRequest] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    latency: float = 0.0
    stopping: threading.Event = field(default_factory=threading.Event)


class FakeGeminiServer:
    """Real HTTP on loopback. Use as a context manager or through the `fake_gemini` fixture."""

    def __init__(self, *, latency: float = 0.0, responder: Responder | None = None) -> None:
        self._state = _State(latency=latency, responder=responder)
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # lifecycle
    def start(self) -> FakeGeminiServer:
        handler = _make_handler(self._state)
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._httpd.request_queue_size = 128
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="fake-gemini", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._state.stopping.set()  # releases hanging handlers
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> FakeGeminiServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    # scripting
    def script(self, *replies: Reply | str) -> None:
        """Queue replies, used in order before the responder. A str is shorthand for model text."""
        with self._state.lock:
            self._state.queue.extend(Reply.model_text(r) if isinstance(r, str) else r for r in replies)

    def respond_with(self, responder: Responder | None) -> None:
        self._state.responder = responder

    def set_latency(self, seconds: float) -> None:
        self._state.latency = seconds

    def reset(self) -> None:
        with self._state.lock:
            self._state.queue.clear()
            self._state.requests.clear()
            self._state.in_flight = 0
            self._state.max_in_flight = 0

    # observations
    @property
    def requests(self) -> list[RecordedRequest]:
        with self._state.lock:
            return list(self._state.requests)

    def requests_for(self, action: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.action == action]

    @property
    def max_in_flight(self) -> int:
        return self._state.max_in_flight

    @property
    def pending_script(self) -> int:
        with self._state.lock:
            return len(self._state.queue)


INLINE_MIME_TYPES = frozenset(
    {"image/jpeg", "image/png", "image/webp", "image/heic", "image/heif", "application/pdf"}
)


def _mime(data: dict[str, Any]) -> str:
    # proto JSON: the API takes either spelling; the SDK sends snake_case inside inlineData
    return str(data.get("mimeType") or data.get("mime_type") or "")


def _bytes(data: dict[str, Any]) -> bytes:
    """Proto JSON bytes: base64, standard or URL-safe alphabet (the SDK sends URL-safe)."""
    text = str(data.get("data", "")).replace("-", "+").replace("_", "/")
    return base64.b64decode(text, validate=True)


def _invalid_inline_data(request: RecordedRequest) -> str | None:
    if not isinstance(request.body, dict):
        return None
    for content in request.body.get("contents", []):
        for part in content.get("parts", []):
            data = part.get("inlineData")
            if data is None:
                continue
            if not isinstance(data, dict) or _mime(data) not in INLINE_MIME_TYPES:
                return f"Unsupported MIME type: {_mime(data) if isinstance(data, dict) else data}"
            try:
                _bytes(data)
            except (binascii.Error, ValueError):
                return "Invalid value at 'contents.parts.inline_data.data' (TYPE_BYTES): not base64"
    return None


def _make_handler(state: _State) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, like the real API; streams use chunked encoding

        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            return

        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            name = parts.path.rsplit("/", 1)[-1]
            model, _, action = name.partition(":")
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body: Any = json.loads(raw) if raw else None
            except ValueError:
                body = None
            request = RecordedRequest(
                action=action,
                model=model,
                path=parts.path,
                query=parse_qs(parts.query),
                headers={k.lower(): v for k, v in self.headers.items()},
                body=body,
                arrived=time.monotonic(),
            )
            with state.lock:
                state.requests.append(request)
                state.in_flight += 1
                state.max_in_flight = max(state.max_in_flight, state.in_flight)
                reply = state.queue.popleft() if state.queue else None
            try:
                problem = _invalid_inline_data(request)
                if problem:  # as the real API does: 400 INVALID_ARGUMENT for a malformed image part
                    reply = Reply.error(400, message=problem)
                if reply is None:
                    answer = (state.responder or default_responder)(request)
                    if answer is None:
                        answer = default_responder(request)
                    reply = Reply.model_text(answer) if isinstance(answer, str) else answer
                self._serve(request, reply)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout): nothing to send
            finally:
                with state.lock:
                    state.in_flight -= 1

        def _serve(self, request: RecordedRequest, reply: Reply) -> None:
            wait = state.latency + reply.delay
            if wait and state.stopping.wait(wait):
                return
            if reply.kind == "hang":
                state.stopping.wait(reply.hang_seconds)
                self.close_connection = True
                return
            if reply.kind == "raw":
                self._send(reply.status, reply.body.encode(), reply.headers)
            elif reply.kind == "embed":
                vectors = reply.vectors or ()
                payload = {"embeddings": [{"values": list(v)} for v in vectors]}
                self._send(200, json.dumps(payload).encode())
            elif request.action == STREAM:
                self._stream(reply)
            else:
                self._send(200, json.dumps(_candidate(reply.text, reply.finish_reason)).encode())

        def _send(self, status: int, data: bytes, headers: Sequence[tuple[str, str]] = ()) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(data)))
            for key, value in headers:
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

        def _stream(self, reply: Reply) -> None:
            chunks = list(reply.chunks) or list(_split(reply.text))
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i, chunk in enumerate(chunks):
                last = i == len(chunks) - 1 and reply.kind != "truncated"
                event = _candidate(chunk, reply.finish_reason if last else None)
                self._chunk(f"data: {json.dumps(event)}\r\n\r\n".encode())
            if reply.kind == "truncated":
                # Drop the connection without the terminating chunk: the client sees a broken stream.
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(2)
                return
            self._chunk(b"")

        def _chunk(self, data: bytes) -> None:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

    return Handler


def _candidate(text: str, finish_reason: str | None) -> dict[str, Any]:
    candidate: dict[str, Any] = {"content": {"parts": [{"text": text}], "role": "model"}, "index": 0}
    if finish_reason:
        candidate["finishReason"] = finish_reason
    return {
        "candidates": [candidate],
        "usageMetadata": {"promptTokenCount": 1, "candidatesTokenCount": 1, "totalTokenCount": 2},
        "modelVersion": "fake-gemini",
    }


def _split(text: str, pieces: int = 3) -> Iterator[str]:
    if not text:
        yield ""
        return
    size = max(1, math.ceil(len(text) / pieces))
    for i in range(0, len(text), size):
        yield text[i : i + size]


@pytest.fixture
def fake_gemini() -> Iterator[FakeGeminiServer]:
    with FakeGeminiServer() as server:
        yield server
