"""The client's address: X-Forwarded-For is believed only when the peer is a trusted proxy.

uvicorn's ProxyHeadersMiddleware does the believing (hosts and CIDR ranges; the nearest hop that is
not a trusted proxy is the client) and rewrites the scope's client, so the rate limit and everything
after it see the real caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware


def behind_proxies(app: Any, trusted_proxies: Sequence[str]) -> Any:
    """`app` believing X-Forwarded-For from `trusted_proxies` only (none: the header is ignored)."""
    if not trusted_proxies:
        return app
    return ProxyHeadersMiddleware(app, trusted_hosts=[p.strip() for p in trusted_proxies])


def client_host(scope: Any) -> str:
    client = scope.get("client") or ("unknown", 0)
    return str(client[0])
