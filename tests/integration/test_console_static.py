"""The console's files as served: no token needed to load them, a CSP without unsafe-inline,
no inline script or style anywhere, no reference outside the service, and no HTML parsing of
strings in its scripts (document-derived text is only ever set as text)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from reimburse.http.app import create_app
from reimburse.http.controllers.console import CONSOLE_DIR
from tests.conftest import make_settings, offline_container

SECRET = "console-static-test-secret-key-0123456789abcdef"
ASSETS = sorted(p.name for p in CONSOLE_DIR.iterdir() if p.suffix in {".js", ".css", ".svg"})


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.fixture
def secured(tmp_path: Path) -> Any:
    settings = make_settings(tmp_path, auth_enabled=True, secret_key=SECRET, rate_limit_per_minute=10_000)
    with TestClient(create_app(offline_container(settings))) as client:
        yield client


def test_the_console_loads_without_a_token_while_the_api_wants_one(secured: Any) -> None:
    page = secured.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert secured.get("/api/v1/invoices").status_code == 401
    for name in ASSETS:
        asset = secured.get(f"/console/{name}")
        assert asset.status_code == 200, name
    assert secured.get("/console/console.js").headers["content-type"].startswith("text/javascript")
    assert secured.get("/console/../config.py").status_code == 404


def test_console_responses_carry_a_csp_without_unsafe_inline(secured: Any) -> None:
    for path in ["/", "/console/console.js", "/console/console.css"]:
        headers = secured.get(path).headers
        csp = headers["content-security-policy"]
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, path
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
        assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
        assert directives["connect-src"] == "'self'" and directives["frame-ancestors"] == "'none'"
        assert headers["x-frame-options"] == "DENY"
    # the API keeps its own, stricter policy
    assert (
        secured.get("/api/v1/health/quick")
        .headers["content-security-policy"]
        .startswith("default-src 'none'")
    )


def test_the_page_has_no_inline_script_or_style_and_names_nothing_outside(secured: Any) -> None:
    html = secured.get("/").text
    tags = _Tags()
    tags.feed(html)
    scripts = [attrs for tag, attrs in tags.tags if tag == "script"]
    assert scripts and all(attrs.get("src", "").startswith("/console/") for attrs in scripts)
    assert re.search(r"<script[^>]*>\s*[^<\s]", html) is None  # no script body
    assert all(tag != "style" and "style" not in attrs for tag, attrs in tags.tags)
    assert not any(name.startswith("on") for _, attrs in tags.tags for name in attrs)
    for text in [html, *(secured.get(f"/console/{name}").text for name in ASSETS)]:
        assert (
            re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text.replace("http://www.w3.org/2000/svg", ""))
            is None
        )


@pytest.mark.parametrize("name", [n for n in ASSETS if n.endswith(".js")])
def test_scripts_never_parse_strings_as_html(name: str) -> None:
    lines = (CONSOLE_DIR / name).read_text(encoding="utf-8").splitlines()
    source = "\n".join(line for line in lines if not line.lstrip().startswith("//"))  # code, not comments
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in source, f"{name} uses {sink}"
