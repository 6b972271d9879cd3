"""The review console's pages: sign-in, the quarantine list, one message, the actions, users.

Server-rendered (Jinja2, autoescaped) on Starlette. Every page but /login, /healthz, /metrics
and the stylesheet needs a session; every POST needs the session's CSRF token. Pages load
nothing remote and run no script (Content-Security-Policy); a message's HTML part is shown in
a sandboxed frame that inherits that policy.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlencode

import structlog
from prometheus_client import CollectorRegistry
from starlette.applications import Starlette
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from relay.console.auth import (
    LOGIN_COOKIE,
    SESSION_COOKIE,
    SESSION_HOURS,
    Authenticator,
    new_token,
    same,
)
from relay.console.operator import OperatorEndpoints
from relay.console.view import explain, mask_recipients, message_view, rule_words
from relay.metrics import WorkerMetrics
from relay.model.message import parse
from relay.review.actions import (
    OPEN_STATES,
    NewerDeliveryError,
    Review,
    ReviewError,
    record_of,
)
from relay.review.edit import attachment_bytes
from relay.runtime.core import Relay
from relay.store.base import OPEN, ROLES, ConsoleSession, EntryQuery, LedgerEntry, StoreError
from relay.users import hash_password

log = structlog.get_logger("relay.console")

HERE: Final = Path(__file__).parent
PAGE_SIZE: Final = 25
MAX_FORM_BYTES: Final = 2 * 1024 * 1024  # a corrected text, a bulk selection: far less
# The list's state filter: "open" (held or rejected, the default) first, "any" last.
STATES: Final = ("open", "held", "rejected", "released", "resent", "deleted", "any")
PAGE_POLICY: Final = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)

Handler = Callable[[Request, ConsoleSession], Awaitable[Response]]


class ConsoleGuard(BaseHTTPMiddleware):
    """Bounded form posts (the sign-in form is read before anyone is known) and the security
    headers of every console response."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if request.method == "POST":
            length = request.headers.get("content-length", "")
            if not length.isdigit():
                return Response("length required\n", status_code=411, media_type="text/plain")
            if int(length) > MAX_FORM_BYTES:
                return Response("form too large\n", status_code=413, media_type="text/plain")
        response = await call_next(request)
        if request.url.path not in ("/healthz", "/metrics"):
            response.headers["Content-Security-Policy"] = PAGE_POLICY
            response.headers["X-Content-Type-Options"] = "nosniff"
            response.headers["Referrer-Policy"] = "no-referrer"
            response.headers.setdefault("Cache-Control", "no-store")
        return response


class Console:
    def __init__(self, relay: Relay) -> None:
        self.relay = relay
        self.review = Review(relay)
        self.auth = Authenticator(relay.store)
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))
        env = self.templates.env
        env.globals["rule_words"] = rule_words
        env.globals["explain"] = explain
        env.filters["when"] = lambda at: at.strftime("%Y-%m-%d %H:%M") if at else ""

    # -- plumbing ---------------------------------------------------------------------------

    def page(
        self,
        request: Request,
        name: str,
        session: ConsoleSession | None,
        status: int = 200,
        **context: Any,
    ) -> Response:
        return self.templates.TemplateResponse(
            request, name, {"session": session, **context}, status_code=status
        )

    def signed_in(self, handler: Handler, *, admin: bool = False) -> Callable[..., Any]:
        """A page for signed-in reviewers (or admins only); a POST must carry the CSRF token."""

        async def endpoint(request: Request) -> Response:
            try:
                session = await self.auth.session(request.cookies.get(SESSION_COOKIE))
                if session is None:
                    if request.method != "GET":
                        return self.page(request, "error.html", None, 401, message="Sign in first.")
                    target = urlencode({"next": request.url.path})
                    return RedirectResponse(f"/login?{target}", status_code=303)
                if admin and session.role != "admin":
                    return self.page(
                        request, "error.html", session, 403, message="This page is for admins."
                    )
                if request.method == "POST":
                    form = await request.form()
                    if not same(str(form.get("csrf", "")), session.csrf):
                        return self.page(
                            request,
                            "error.html",
                            session,
                            403,
                            message="The form expired. Go back, reload, try again.",
                        )
                return await handler(request, session)
            except StoreError as exc:
                log.error("console_store_failed", error=str(exc))
                return self.page(
                    request,
                    "error.html",
                    None,
                    503,
                    message="The store is unavailable. Try again in a minute.",
                    unknown_visitor=True,  # signed in or not, the store cannot say
                )

        return endpoint

    # -- sign-in ----------------------------------------------------------------------------

    async def login_form(self, request: Request, refusal: str = "", status: int = 200) -> Response:
        token = request.cookies.get(LOGIN_COOKIE) or new_token()
        response = self.page(
            request,
            "login.html",
            None,
            status,
            login_token=token,
            refusal=refusal,
            next=_local_path(request.query_params.get("next", "")),
        )
        response.set_cookie(
            LOGIN_COOKIE,
            token,
            httponly=True,
            samesite="strict",
            secure=_https(request),
            path="/login",
        )
        return response

    async def login(self, request: Request) -> Response:
        if request.method == "GET":
            return await self.login_form(request)
        form = await request.form()
        if not same(str(form.get("login_token", "")), request.cookies.get(LOGIN_COOKIE, "")):
            return await self.login_form(request, "The form expired. Please try again.", 403)
        address = request.client.host if request.client else "unknown"
        try:
            result = await self.auth.sign_in(
                str(form.get("username", "")).strip(), str(form.get("password", "")), address
            )
        except StoreError as exc:
            log.error("console_store_failed", error=str(exc))
            return await self.login_form(request, "The store is unavailable. Try again.", 503)
        if result.token is None:
            log.warning("console_sign_in_failed", address=address, throttled=result.throttled)
            return await self.login_form(request, result.refusal, 429 if result.throttled else 401)
        target = _local_path(str(form.get("next", ""))) or "/quarantine"
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            result.token,
            max_age=SESSION_HOURS * 3600,
            httponly=True,
            samesite="strict",
            secure=_https(request),
            path="/",
        )
        response.delete_cookie(LOGIN_COOKIE, path="/login")
        return response

    async def logout(self, request: Request, session: ConsoleSession) -> Response:
        await self.auth.sign_out(request.cookies.get(SESSION_COOKIE, ""))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    async def home(self, request: Request) -> Response:
        return RedirectResponse("/quarantine", status_code=303)

    # -- the list ---------------------------------------------------------------------------

    async def listing(self, request: Request, session: ConsoleSession) -> Response:
        params = request.query_params
        state = params.get("state", OPEN)
        if state not in STATES:
            state = OPEN
        page = max(1, _int(params.get("page", "1")))
        query = EntryQuery(
            state="" if state == "any" else state,
            rule=params.get("rule", "").strip(),
            sender=params.get("sender", "").strip(),
            marketplace=params.get("marketplace", "").strip(),
            since=_day(params.get("from", "")),
            until=_day(params.get("to", ""), next_day=True),
            search=params.get("q", "").strip(),
            offset=(page - 1) * PAGE_SIZE,
            limit=PAGE_SIZE,
        )
        entries, total = await self.relay.store.find_entries(query)
        codes, markets = await self.relay.store.entry_facets()
        kept = {k: v for k, v in params.items() if k != "page" and v}
        pages = max(1, math.ceil(total / PAGE_SIZE))
        return self.page(
            request,
            "list.html",
            session,
            entries=entries,
            total=total,
            page=page,
            pages=pages,
            filters={**kept, "state": state},
            page_link=lambda n: "/quarantine?" + urlencode({**kept, "page": n}),
            states=STATES,
            codes=codes,
            markets=markets,
            masked=lambda entry: mask_recipients(entry.recipient),
            notice=_verified_notice(params.get("notice", ""), params.get("sig", "")),
        )

    async def bulk(self, request: Request, session: ConsoleSession) -> Response:
        """One confirmation for many: the first POST shows what would happen, the second acts."""
        form = await request.form()
        ids = [str(v) for v in form.getlist("ids")][:200]
        action = str(form.get("action", ""))
        if action not in ("release", "delete") or not ids:
            return self.page(
                request, "error.html", session, 400, message="Choose messages and an action."
            )
        if form.get("confirmed") != "yes":
            entries = [e for e in [await self.relay.store.get_entry(i) for i in ids] if e]
            return self.page(request, "confirm.html", session, action=action, entries=entries)
        done: list[str] = []
        refused: list[str] = []
        reason = str(form.get("reason", ""))
        # Messages chosen together go out together: only a delivery from before this
        # confirmation stops one (a second release of the same batch is no surprise).
        before: dict[str, bool] = {}
        if action == "release":
            for entry_id in ids:
                entry = await self.relay.store.get_entry(entry_id)
                before[entry_id] = bool(entry and await self.review.newer_deliveries(entry))
        for entry_id in ids:
            try:
                if action == "release":
                    await self.review.release(
                        entry_id,
                        session.user,
                        session.role,
                        reason,
                        even_if_newer=not before[entry_id],
                    )
                else:
                    await self.review.delete(entry_id, session.user, reason)
                done.append(entry_id)
            except NewerDeliveryError as exc:
                sent = exc.newer[-1].sent_at
                refused.append(
                    f"{entry_id}: not sent. The buyer already got a newer message about this "
                    f"order, sent {sent:%Y-%m-%d at %H:%M} UTC, probably the corrected version. "
                    "Open it to send it as well."
                )
            except ReviewError as exc:
                refused.append(str(exc))
        return self.page(
            request, "bulk_done.html", session, action=action, done=done, refused=refused
        )

    # -- one message ------------------------------------------------------------------------

    async def message(self, request: Request, session: ConsoleSession) -> Response:
        return await self._message_page(request, session, str(request.path_params["entry_id"]))

    async def _message_page(
        self,
        request: Request,
        session: ConsoleSession,
        entry_id: str,
        *,
        status: int = 200,
        problem: str = "",
        resend: Any = None,
        edited: str | None = None,
        refused_newer: list[LedgerEntry] | None = None,
    ) -> Response:
        try:
            entry = await self.review.entry(entry_id)
        except ReviewError as exc:
            return self.page(request, "error.html", session, 404, message=str(exc))
        record = record_of(entry)
        view = None
        try:
            raw = await self.review.raw(entry)
        except ReviewError:
            raw = None
        if raw is not None:
            view = message_view(parse(raw), list(record.get("findings", [])))
        trail = await self.relay.store.audit_trail(entry.id)
        newer = await self.review.newer_deliveries(entry) if entry.state in OPEN_STATES else []
        newer = newer or refused_newer or []
        return self.page(
            request,
            "message.html",
            session,
            status,
            entry=entry,
            record=record,
            view=view,
            trail=trail,
            problem=problem,
            resend=resend,
            edited=edited,
            newer=newer,
            refused_newer=bool(refused_newer),
            marketplace=entry.marketplace,
            alias=mask_recipients(entry.recipient),
        )

    async def attachment(self, request: Request, session: ConsoleSession) -> Response:
        entry_id = str(request.path_params["entry_id"])
        index = int(request.path_params["index"])
        try:
            entry = await self.review.entry(entry_id)
            message = parse(await self.review.raw(entry))
        except ReviewError as exc:
            return self.page(request, "error.html", session, 404, message=str(exc))
        if not 0 <= index < len(message.attachments):
            return self.page(request, "error.html", session, 404, message="No such attachment.")
        found = message.attachments[index]
        data = attachment_bytes(message.raw, index)
        name = "".join(c if c.isalnum() or c in "._- " else "_" for c in found.filename)
        # Always a download, never rendered by the browser in the console's origin.
        return Response(
            data,
            media_type="application/octet-stream",
            headers={"Content-Disposition": f'attachment; filename="{name or "attachment"}"'},
        )

    # -- actions ----------------------------------------------------------------------------

    async def release(self, request: Request, session: ConsoleSession) -> Response:
        entry_id = str(request.path_params["entry_id"])
        form = await request.form()
        try:
            done = await self.review.release(
                entry_id,
                session.user,
                session.role,
                str(form.get("reason", "")),
                even_if_newer=form.get("even_if_newer") == "yes",
            )
        except NewerDeliveryError as exc:
            # Said beside the tick that answers it, in an agent's words, not the CLI's.
            return await self._message_page(
                request, session, entry_id, status=409, refused_newer=exc.newer
            )
        except ReviewError as exc:
            return await self._message_page(
                request, session, entry_id, status=409, problem=str(exc)
            )
        return _back_to_list(f"Released {done.entry_id}: {done.reply}")

    async def delete(self, request: Request, session: ConsoleSession) -> Response:
        entry_id = str(request.path_params["entry_id"])
        form = await request.form()
        try:
            await self.review.delete(entry_id, session.user, str(form.get("reason", "")))
        except ReviewError as exc:
            return await self._message_page(
                request, session, entry_id, status=409, problem=str(exc)
            )
        return _back_to_list(f"Deleted {entry_id}.")

    async def resend(self, request: Request, session: ConsoleSession) -> Response:
        entry_id = str(request.path_params["entry_id"])
        form = await request.form()
        text = str(form.get("text", ""))
        drop = {_int(v) for v in form.getlist("drop")}
        try:
            result = await self.review.resend(entry_id, session.user, text, drop)
        except ReviewError as exc:
            return await self._message_page(
                request, session, entry_id, status=409, problem=str(exc), edited=text
            )
        if not result.sent:
            return await self._message_page(
                request, session, entry_id, status=422, resend=result, edited=text
            )
        warnings = sum(1 for f in result.verdict.findings if f.enforced)
        checked = "compliant" + (f", {warnings} note(s) kept" if warnings else "")
        return _back_to_list(
            f"Sent the corrected version of {entry_id} (checked: {checked}): {result.reply}"
        )

    # -- users (admins) ---------------------------------------------------------------------

    async def users(self, request: Request, session: ConsoleSession) -> Response:
        problem = ""
        notice = ""
        if request.method == "POST":
            form: FormData = await request.form()
            name = str(form.get("name", "")).strip()
            password = str(form.get("password", ""))
            role = str(form.get("role", ""))
            if not name or any(c.isspace() for c in name):
                problem = "A user name must not be empty or contain spaces."
            elif len(password) < 12:
                problem = "A console password needs at least 12 characters."
            elif role not in ROLES:
                problem = "Choose a role."
            else:
                await self.relay.store.set_user(name, hash_password(password), role)
                notice = f"Saved {name} as {role}."
                log.info("console_user_saved", user=name, role=role, by=session.user)
        users = await self.relay.store.console_users()
        return self.page(
            request,
            "users.html",
            session,
            400 if problem else 200,
            users=users,
            problem=problem,
            notice=notice,
            roles=ROLES,
        )


def _https(request: Request) -> bool:
    return request.url.scheme == "https"


def _local_path(value: str) -> str:
    """Only a path on this console: never another site after signing in."""
    return (
        value if value.startswith("/") and not value.startswith("//") and "\\" not in value else ""
    )


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return -1


def _day(value: str, *, next_day: bool = False) -> datetime | None:
    try:
        day = datetime.strptime(value.strip(), "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        return None
    return day + timedelta(days=1) if next_day else day


# Signs the status line a redirect carries, so only the console's own words are shown as one:
# a link with `?notice=Your session expired, sign in at https://...` shows nothing.
_NOTICE_KEY: Final = secrets.token_bytes(32)


def _notice_signature(notice: str) -> str:
    return hmac.new(_NOTICE_KEY, notice.encode(), hashlib.sha256).hexdigest()


def _verified_notice(notice: str, signature: str) -> str:
    if notice and hmac.compare_digest(_notice_signature(notice), signature):
        return notice
    return ""


def _back_to_list(notice: str) -> Response:
    query = urlencode({"notice": notice, "sig": _notice_signature(notice)})
    return RedirectResponse("/quarantine?" + query, status_code=303)


def create_app(
    relay: Relay,
    *,
    registry: CollectorRegistry | None = None,
    held: WorkerMetrics | None = None,
) -> Starlette:
    console = Console(relay)
    operator = OperatorEndpoints(relay, registry, held)
    signed_in = console.signed_in
    routes = [
        Route("/healthz", operator.healthz, methods=["GET"]),
        Route("/metrics", operator.metrics, methods=["GET"]),
        Route("/", console.home, methods=["GET"]),
        Route("/login", console.login, methods=["GET", "POST"]),
        Route("/logout", signed_in(console.logout), methods=["POST"]),
        Route("/quarantine", signed_in(console.listing), methods=["GET"]),
        Route("/quarantine/bulk", signed_in(console.bulk), methods=["POST"]),
        Route("/quarantine/{entry_id}", signed_in(console.message), methods=["GET"]),
        Route(
            "/quarantine/{entry_id}/attachments/{index:int}",
            signed_in(console.attachment),
            methods=["GET"],
        ),
        Route("/quarantine/{entry_id}/release", signed_in(console.release), methods=["POST"]),
        Route("/quarantine/{entry_id}/delete", signed_in(console.delete), methods=["POST"]),
        Route("/quarantine/{entry_id}/resend", signed_in(console.resend), methods=["POST"]),
        Route("/admin/users", signed_in(console.users, admin=True), methods=["GET", "POST"]),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]

    async def no_such_page(request: Request, exc: Exception) -> Response:
        # The console's own page, not a bare "Not Found", with the way on that fits the visitor.
        # Only a request carrying a session cookie costs a store read (one indexed row); a
        # visitor without a live session sees nothing of a signed-in page.
        status = exc.status_code if isinstance(exc, HTTPException) else 404
        message = "No such page." if status == 404 else "Not possible here."
        try:
            session = await console.auth.session(request.cookies.get(SESSION_COOKIE))
        except StoreError:
            session = None
        return console.page(request, "error.html", session, status, message=message)

    return Starlette(
        routes=routes,
        middleware=[Middleware(ConsoleGuard)],
        exception_handlers={404: no_such_page, 405: no_such_page},
    )
