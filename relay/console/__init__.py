"""The web review console (Starlette + Jinja2, served by uvicorn) with /healthz and /metrics."""

from __future__ import annotations

from relay.console.web import create_app

__all__ = ["create_app"]
