"""Startup checks: production refuses an unsafe configuration, naming the key at fault."""

from __future__ import annotations

import logging

from reimburse.config import Settings

log = logging.getLogger("reimburse")


class UnsafeConfiguration(SystemExit):
    pass


def unsafe_reasons(s: Settings) -> list[str]:
    if not s.is_production:
        return []
    reasons = []
    if len(s.secret_key) < 32:
        reasons.append("SECRET_KEY is missing or shorter than 32 characters")
    if s.debug:
        reasons.append("DEBUG must be off in production")
    if not s.allowed_hosts or "*" in s.allowed_hosts:
        reasons.append("ALLOWED_HOSTS must list the allowed origins (not empty, not *)")
    if not s.auth_required:
        reasons.append("AUTH_ENABLED must not be false in production")
    return reasons


def check_startup(s: Settings) -> None:
    reasons = unsafe_reasons(s)
    if reasons:
        raise UnsafeConfiguration("refusing to start in production: " + "; ".join(reasons))
    if not s.auth_required:
        log.warning("authentication is disabled (development mode): every caller is an admin")
