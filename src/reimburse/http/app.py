"""The Litestar app factory: routes under /api/v1, fed by the container through Provide()."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from litestar import Litestar, Request, Response, Router
from litestar.config.cors import CORSConfig
from litestar.di import Provide
from litestar.middleware.rate_limit import RateLimitConfig
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import SwaggerRenderPlugin

from reimburse import __version__
from reimburse.container import Container, close_container, open_container
from reimburse.domain.access import AccessDenied
from reimburse.domain.errors import StoreUnavailable
from reimburse.http.auth import viewer_from_request
from reimburse.http.client_address import behind_proxies, client_host
from reimburse.http.controllers.admin import AdminController
from reimburse.http.controllers.analysis import AnalysisController
from reimburse.http.controllers.chat import ChatController
from reimburse.http.controllers.console import CONSOLE_HANDLERS
from reimburse.http.controllers.health import HealthController
from reimburse.http.controllers.invoices import InvoicesController
from reimburse.http.controllers.policies import PolicyCorrectionController
from reimburse.http.controllers.review import ReviewController
from reimburse.http.errors import EXCEPTION_HANDLERS, ErrorBody, error_response
from reimburse.http.observability import Metrics, ObservabilityMiddleware
from reimburse.http.openapi_docs import DecimalAsNumber
from reimburse.http.wire import MoneyJsonResponse

API_PREFIX = "/api/v1"
log = logging.getLogger("reimburse")


def _forbidden(request: Request[Any, Any, Any], exc: AccessDenied) -> Response[ErrorBody]:
    return error_response(request, 403, str(exc) or "not allowed")


def _singleton(provider: Any) -> Provide:
    async def provide() -> Any:
        return provider()

    return Provide(provide)


async def _start_retention(container: Container) -> asyncio.Task[None] | None:
    """RETENTION_DAYS > 0: one run at startup, then one every RETENTION_INTERVAL_SECONDS."""
    settings = container.settings()
    if settings.retention_days <= 0:
        return None
    retention = container.apply_retention()
    await retention.safely()
    return asyncio.create_task(retention.run_every(settings.retention_interval_seconds))


def create_app(container: Container, *, manage_lifecycle: bool = True) -> ObservabilityMiddleware:
    """The ASGI app to serve: Litestar wrapped in request ids, security headers, logs and metrics."""
    metrics = Metrics()
    settings = container.settings()
    app = build_litestar(container, metrics, manage_lifecycle=manage_lifecycle)
    return ObservabilityMiddleware(
        behind_proxies(app, settings.trusted_proxies), metrics, settings.is_production
    )


def build_litestar(container: Container, metrics: Metrics, *, manage_lifecycle: bool = True) -> Litestar:
    settings = container.settings()

    @asynccontextmanager
    async def lifespan(_: Litestar) -> AsyncIterator[None]:
        if manage_lifecycle:
            try:
                await open_container(container)
            except StoreUnavailable as exc:
                log.error("startup failed: %s", exc)
                raise
        retention = await _start_retention(container) if manage_lifecycle else None
        try:
            yield
        finally:
            if retention is not None:
                retention.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await retention
            if manage_lifecycle:
                await close_container(container)

    dependencies = {
        "settings": _singleton(container.settings),
        "tokens": _singleton(container.tokens),
        "viewer": Provide(viewer_from_request, sync_to_thread=False),
        "analyze_batch": _singleton(container.analyze_batch),
        "list_invoices": _singleton(container.list_invoices),
        "get_invoice": _singleton(container.get_invoice),
        "get_policy": _singleton(container.get_policy),
        "correct_policy": _singleton(container.correct_policy),
        "check_health": _singleton(container.check_health),
        "answer_question": _singleton(container.answer_question),
        "get_history": _singleton(container.get_history),
        "delete_history": _singleton(container.delete_history),
        "erase_employee": _singleton(container.erase_employee),
        "review_invoice": _singleton(container.review_invoice),
        "get_invoice_history": _singleton(container.get_invoice_history),
        "review_queue": _singleton(container.review_queue),
        "get_document": _singleton(container.get_document),
        "list_batches": _singleton(container.list_batches),
        "get_batch": _singleton(container.get_batch),
        "list_policies": _singleton(container.list_policies),
        "export_invoices": _singleton(container.export_invoices),
        "metrics": Provide(lambda: metrics, sync_to_thread=False),
    }
    rate_limit = RateLimitConfig(
        rate_limit=("minute", settings.rate_limit_per_minute),
        exclude=[f"{API_PREFIX}/health", "/schema"],
        identifier_for_request=lambda request: client_host(request.scope),
    )
    api = Router(
        path=API_PREFIX,
        route_handlers=[
            AdminController,
            AnalysisController,
            ChatController,
            HealthController,
            InvoicesController,
            PolicyCorrectionController,
            ReviewController,
        ],
    )
    handlers: dict[Any, Any] = {**EXCEPTION_HANDLERS, AccessDenied: _forbidden}
    app = Litestar(
        route_handlers=[api, *CONSOLE_HANDLERS],
        dependencies=dependencies,
        exception_handlers=handlers,
        middleware=[rate_limit.middleware],
        stores={rate_limit.store: shared} if (shared := container.rate_limit_store()) is not None else None,
        cors_config=CORSConfig(
            allow_origins=[h for h in settings.allowed_hosts if h != "*"],
            allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
            expose_headers=["X-Request-ID", "Retry-After", "RateLimit-Reset"],
            allow_credentials=False,
            max_age=600,
        ),
        lifespan=[lifespan],
        request_max_body_size=settings.max_zip_size + settings.max_file_size + 2**20,
        openapi_config=OpenAPIConfig(
            title="Invoice reimbursement service",
            version=__version__,
            path="/schema",
            render_plugins=[SwaggerRenderPlugin()],
        ),
        response_class=MoneyJsonResponse,
        plugins=[DecimalAsNumber()],
        logging_config=None,  # logging is configured once, by reimburse.logging_setup
        debug=False,
    )
    return app
