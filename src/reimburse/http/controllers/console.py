"""GET / and /console/*: the web console, plain HTML + CSS + ES modules served as they are (no build step).

The console is a client of /api/v1 like any other: it holds no data and needs no token to load;
every call it makes carries the token the user pasted. Its CSP is set in observability.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar import Response, get
from litestar.datastructures import CacheControlHeader
from litestar.static_files import create_static_files_router

CONSOLE_DIR = Path(__file__).resolve().parent.parent / "console"
CONSOLE_PATH = "/console"


@get("/", include_in_schema=False, sync_to_thread=False)
def console_index() -> Response[bytes]:
    # read per request: small, and an edited file is served without a restart
    return Response(
        (CONSOLE_DIR / "index.html").read_bytes(),
        media_type="text/html",
        headers={"Cache-Control": "no-cache"},
    )


console_assets = create_static_files_router(
    path=CONSOLE_PATH,
    directories=[CONSOLE_DIR],
    name="console",
    cache_control=CacheControlHeader(no_cache=True),
    include_in_schema=False,
)

CONSOLE_HANDLERS: list[Any] = [console_index, console_assets]
