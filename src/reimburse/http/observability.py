"""One ASGI layer around the app: request id, security headers, access log and Prometheus metrics.

It wraps the whole Litestar app, so it sees every response, 404s and errors included.
"""

from __future__ import annotations

import time
from typing import Any

import structlog
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from reimburse.http.request_context import ensure_request_id

log = structlog.get_logger("reimburse.access")

API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://unpkg.com; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://unpkg.com; img-src 'self' data:; "
    "frame-ancestors 'none'"
)
# The console: its own files only, no inline script or style. blob: is the original document,
# fetched with the bearer token and shown from memory (an iframe cannot send the header).
CONSOLE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
    "frame-src blob:; object-src blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "http_requests_total", "HTTP requests", ["method", "route", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "http_request_duration_seconds",
            "HTTP request latency",
            ["method", "route"],
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
        )
        self.invoices = Counter(
            "invoices_analysed_total", "Invoices analysed, by outcome", ["status"], registry=self.registry
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)


def _route(scope: dict[str, Any]) -> str:
    # the route template, never the raw path: unbounded label values would blow up the registry
    template = scope.get("path_template")
    return str(template) if template and scope.get("route_handler") is not None else "unmatched"


class ObservabilityMiddleware:
    def __init__(self, app: Any, metrics: Metrics, production: bool) -> None:
        self.app = app
        self.metrics = metrics
        self.production = production

    def _security_headers(self, path: str) -> list[tuple[bytes, bytes]]:
        if path.startswith("/schema"):
            csp = DOCS_CSP
        elif path == "/" or path.startswith("/console/"):
            csp = CONSOLE_CSP
        else:
            csp = API_CSP
        headers = [
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"content-security-policy", csp.encode()),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
        ]
        if self.production:
            headers.append((b"strict-transport-security", b"max-age=63072000; includeSubDomains"))
        return headers

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] == "/metrics" and scope["method"] in ("GET", "HEAD"):
            await self._serve_metrics(scope, send)
            return
        request_id = ensure_request_id(scope)
        started = time.perf_counter()
        status_holder = {"status": 500}
        extra = [(b"x-request-id", request_id.encode()), *self._security_headers(scope["path"])]

        async def wrapped_send(message: Any) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *[h for h in extra if h[0] not in names]]
            await send(message)

        with structlog.contextvars.bound_contextvars(request_id=request_id):
            try:
                await self.app(scope, receive, wrapped_send)
            finally:
                elapsed = time.perf_counter() - started
                route = _route(scope)
                status = status_holder["status"]
                self.metrics.requests.labels(scope["method"], route, str(status)).inc()
                self.metrics.latency.labels(scope["method"], route).observe(elapsed)
                log.info(
                    "request",
                    method=scope["method"],
                    path=scope["path"],
                    status=status,
                    duration_ms=round(elapsed * 1000, 2),
                )

    async def _serve_metrics(self, scope: Any, send: Any) -> None:
        body = self.metrics.render()
        headers = [
            (b"content-type", CONTENT_TYPE_LATEST.encode()),
            (b"x-request-id", ensure_request_id(scope).encode()),
            *self._security_headers("/metrics"),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})
