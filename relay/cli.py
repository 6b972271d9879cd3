"""The `bsm-relay` command. Every error is one line on stderr; never a traceback."""

from __future__ import annotations

import argparse
import asyncio
import difflib
import getpass
import json
import os
import select
import sys
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import structlog

from relay import __version__, logs
from relay.delivery.quarantine import STATES as QUARANTINE_STATES

if TYPE_CHECKING:
    from relay.config import Settings
    from relay.store.base import Store

T = TypeVar("T")


EXIT_OK = 0
EXIT_BLOCKED = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"bsm-relay: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


_ORDER_COLUMNS_HELP = """\
columns (header row required, any order; dates ISO 8601, UTC when no zone):
  order_id                required  3-7-7 Amazon order id
  buyer_email             required  the buyer alias (...@marketplace.amazon.<suffix>)
  purchase_date           required
  marketplace             e.g. amazon.de; default: from the alias domain
  status                  Pending, Unshipped, Shipped, Delivered, Canceled
  ship_date
  earliest_delivery_date  \\ the contact window (ORD004) and the review-request
  latest_delivery_date     | window (ORD007); without them both are judged from
  delivery_date           /  the ship or purchase date
  buyer_locale            e.g. de-DE: the buyer's language (LNG001); default: the marketplace's
  opted_out               true/false: the buyer refuses unsolicited messages (ORD005)
  review_requested_at     a review request already sent elsewhere (ORD006)
Amazon's tab-separated flat-file order report is read as well."""


def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """--config and --log-format, accepted before and after the command (`serve --config x`).
    After the command they default to "not given", so they never undo the ones before it."""
    default: Any = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--config",
        default=default,
        metavar="FILE",
        help="settings file (default: $BSM_RELAY_CONFIG, else ./bsm-relay.toml if present)",
    )
    parser.add_argument(
        "--log-format",
        choices=["json", "console"],
        default="json" if top else argparse.SUPPRESS,
        help="json (default): one object per line; console: for a person, coloured on a TTY",
    )


class _Commands:
    """Adds subcommands that all accept the global options."""

    def __init__(self, parent: argparse.ArgumentParser, dest: str, title: str) -> None:
        self.group = parent.add_subparsers(
            dest=dest, required=True, parser_class=_Parser, title=title, metavar="COMMAND"
        )

    def add(self, name: str, help_text: str, **kwargs: Any) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = self.group.add_parser(
            name, help=help_text, description=kwargs.pop("description", help_text), **kwargs
        )
        _global_options(parser, top=False)
        return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bsm-relay", description=__doc__)
    _global_options(parser, top=True)
    parser.add_argument("--version", action="version", version=f"bsm-relay {__version__}")
    commands = _Commands(parser, "command", "commands")

    serve = commands.add(
        "serve",
        "run the SMTP relay and the HTTP endpoint until SIGTERM or SIGINT (Ctrl-C)",
    )
    serve.add_argument(
        "--pid-file",
        metavar="FILE",
        help="write the relay's process id here (for `kill -HUP`, which re-reads the policy); "
        "removed at exit",
    )
    commands.add(
        "console", "serve the review console (and /healthz, /metrics) without the SMTP listener"
    )

    check = commands.add("check", "run the policy on one message, send nothing, record nothing")
    check.add_argument("message", help="an .eml file, or - for standard input")
    check.add_argument("--mail-from", help="envelope sender (default: the From: address)")
    check.add_argument(
        "--rcpt",
        action="append",
        metavar="ADDRESS",
        help="envelope recipient, repeatable (default: the To: and Cc: addresses)",
    )
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.add_argument("--now", help="judge as of this ISO 8601 time (default: now)")

    orders = _Commands(commands.add("orders", "the order store"), "orders_command", "commands")
    orders_import = orders.add(
        "import",
        "upsert orders from a CSV or Amazon's order report",
        epilog=_ORDER_COLUMNS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    orders_import.add_argument("file", help="the CSV (comma, semicolon or tab) or order report")
    orders_sync = orders.add(
        "sync", "read new and changed orders from Amazon's SP-API ([spapi]) into the store"
    )
    orders_sync.add_argument(
        "--since", help="read orders updated since this ISO 8601 date (default: the stored cursor)"
    )

    users = _Commands(
        commands.add("users", "SMTP logins and console users"), "users_command", "commands"
    )
    users_add = users.add(
        "add",
        "add a login or change its password (a running relay picks it up within seconds)",
    )
    users_add.add_argument("name", help="the login name (no spaces)")
    users_add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input (also the default when "
        "standard input is not a terminal)",
    )
    users_add.add_argument(
        "--role",
        choices=["sender", "reviewer", "admin"],
        help="sender (new users' default): SMTP only; reviewer: the review console; "
        "admin: also users and rejected mail",
    )
    users.add("list", "every user: name, role (sender, reviewer, admin), last change")
    users_delete = users.add(
        "delete", "remove a user: SMTP sign-in and console sessions end within seconds"
    )
    users_delete.add_argument("name", help="the login name")
    users_unlock = users.add(
        "unlock", "end a login lockout after failed passwords (running relays: in seconds)"
    )
    users_unlock.add_argument("name", help="the login name")

    q = _Commands(
        commands.add("quarantine", "review held and rejected messages"),
        "quarantine_command",
        "commands",
    )
    q_list = q.add("list", "list quarantined messages: id, time, state, sender, rule codes")
    q_list.add_argument(
        "--state",
        choices=QUARANTINE_STATES,
        help="only messages in this state",
    )
    q_list.add_argument("--json", action="store_true", help="print one JSON array")
    q_show = q.add("show", "the findings with evidence, then the message summary")
    q_show.add_argument("id", help="the quarantine id (from the SMTP reply or `list`)")
    q_release = q.add("release", "forward a held message upstream and record who did it")
    q_release.add_argument("id", help="the quarantine id of a held message")
    q_release.add_argument("--by", help="operator name recorded (default: your OS user name)")
    q_release.add_argument("--reason", default="", help="why (required for a rejected message)")
    q_release.add_argument(
        "--even-if-newer",
        action="store_true",
        help="release although the buyer got a newer message since (the buyer reads both)",
    )
    q_delete = q.add("delete", "mark a message deleted and remove its body")
    q_delete.add_argument("id", help="the quarantine id")
    q_delete.add_argument("--by", help="operator name recorded (default: your OS user name)")
    q_delete.add_argument("--reason", default="", help="why, for the audit trail")

    rules = commands.add(
        "rules", "the rule catalogue, or one rule with its examples", description=None
    )
    rules.add_argument("code", nargs="?", help="one rule's code, e.g. CNT004")
    rules.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _operator(explicit: str | None) -> str:
    return explicit or _os_user()


def _os_user() -> str:
    """The OS user running the command: recorded beside any --by name."""
    try:
        return getpass.getuser()
    except Exception:
        return os.environ.get("USER", "operator")


# -- commands ---------------------------------------------------------------------------------


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    from relay.runtime.memory import fix_mmap_threshold
    from relay.runtime.server import serve

    logs.configure(log_format=args.log_format)
    fix_mmap_threshold()
    pid_file = Path(args.pid_file) if args.pid_file else None
    if pid_file is not None:
        try:
            pid_file.write_text(f"{os.getpid()}\n", encoding="ascii")
        except OSError as exc:
            raise CliError(f"--pid-file: cannot write {pid_file}: {exc.strerror or exc}") from None
    try:
        asyncio.run(serve(settings, log_format=args.log_format))
    finally:
        if pid_file is not None:
            pid_file.unlink(missing_ok=True)
    return EXIT_OK


def cmd_console(settings: Settings, args: argparse.Namespace) -> int:
    from relay.runtime.server import serve_console

    logs.configure()
    asyncio.run(serve_console(settings))
    return EXIT_OK


def cmd_check(settings: Settings, args: argparse.Namespace) -> int:
    from relay.model.message import parse
    from relay.model.types import Envelope
    from relay.pipeline import Checker
    from relay.policy import load_policy
    from relay.runtime.core import relay_config

    if args.message == "-":
        raw = sys.stdin.buffer.read()
    else:
        try:
            raw = Path(args.message).read_bytes()
        except OSError as exc:
            raise CliError(f"cannot read {args.message}: {exc.strerror or exc}") from None
    if not raw.strip():
        raise CliError(f"{args.message} is empty")
    policy = load_policy(settings.policy.files)
    headers_only = parse(raw)
    mail_from = args.mail_from or (
        headers_only.from_addresses[0] if headers_only.from_addresses else ""
    )
    rcpts = tuple(args.rcpt or (*headers_only.to_addresses, *headers_only.cc_addresses))
    envelope = Envelope(mail_from=mail_from, rcpt_tos=rcpts)
    now = _parse_now(args.now)

    evaluation = _with_store(
        settings,
        lambda store: Checker(policy, relay_config(settings), store).evaluate(
            raw, envelope, now=now
        ),
    )
    verdict = evaluation.verdict
    if args.json:
        print(json.dumps(verdict.as_dict(), ensure_ascii=False))
    else:
        modified = " (modified)" if verdict.modified else ""
        print(f"action: {verdict.action.value}{modified}")
        for finding in verdict.findings:
            shadow = " [shadow]" if not finding.enforced else ""
            print(f"  {finding.code} {finding.severity.value}{shadow}: {finding.message}")
            if finding.evidence:
                print(f"      evidence: {finding.evidence}")
    return EXIT_OK if verdict.action.value == "deliver" else EXIT_BLOCKED


def _parse_now(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise CliError(f"--now: not an ISO 8601 time: {value}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


async def _open_store(settings: Settings) -> Store:
    """The configured store, in its PostgreSQL schema when one is set: every command the same."""
    from relay.store import open_store

    return await open_store(settings.store.url, schema=settings.store.schema_name or None)


def _with_store(settings: Settings, action: Callable[[Store], Awaitable[T]]) -> T:
    """Run `action` on the configured store, closed afterwards whatever happens."""

    async def run() -> T:
        store = await _open_store(settings)
        try:
            return await action(store)
        finally:
            await store.close()

    return asyncio.run(run())


def cmd_orders(settings: Settings, args: argparse.Namespace) -> int:
    from relay.orders_import import ImportFileError, import_file

    if args.orders_command == "sync":
        return _orders_sync(settings, args)
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"cannot read {path}: no such file")

    try:
        report = _with_store(settings, lambda store: import_file(path, store))
    except ImportFileError as exc:
        raise CliError(str(exc)) from None
    print(f"imported {report.imported} rows, refused {len(report.refused)}")
    for refused in report.refused:
        print(f"  line {refused.line}: {refused.reason}")
    for warning in report.warnings:
        print(f"bsm-relay: warning: {warning}", file=sys.stderr)
    return EXIT_OK if not report.refused else EXIT_BLOCKED


def _orders_sync(settings: Settings, args: argparse.Namespace) -> int:
    from prometheus_client import CollectorRegistry

    from relay.spapi.client import SpapiError
    from relay.spapi.service import SpapiService
    from relay.spapi.status import SpapiMetrics
    from relay.spapi.sync import SyncBusy, holder_name, run_lease

    if not settings.spapi.enabled:
        raise CliError("orders sync needs [spapi] client_id and its credentials")
    since = None
    if args.since:
        try:
            since = _parse_now(args.since)
        except CliError:
            raise CliError(f"--since: not an ISO 8601 date: {args.since}") from None
    logs.configure(level="warning", stream=sys.stderr)

    async def run() -> Any:
        store = await _open_store(settings)
        service = SpapiService(settings.spapi, store, SpapiMetrics(CollectorRegistry()))
        try:
            holder = f"orders sync command on {holder_name()}"
            async with run_lease(store, holder, settings.spapi.lease_seconds):
                return await service.sync.run(since)
        finally:
            await service.close()
            await store.close()

    try:
        report = asyncio.run(run())
    except SyncBusy as busy:
        raise CliError(
            f"an orders sync is running now ({busy}); nothing done: run it again when that "
            "one has finished"
        ) from None
    except SpapiError as exc:
        raise CliError(f"{exc} (what was read before is stored; the next run resumes)") from None
    print(
        f"synced {report.stored} orders ({report.new} new) from {report.pages} pages "
        f"updated since {report.since.isoformat()}; next run from {report.cursor.isoformat()}"
    )
    for reason in report.refused:
        print(f"  refused: {reason}")
    return EXIT_OK if not report.refused else EXIT_BLOCKED


def cmd_users(settings: Settings, args: argparse.Namespace) -> int:
    if args.users_command == "unlock":
        return _users_unlock(settings, args.name)
    if args.users_command == "list":
        return _users_list(settings)
    if args.users_command == "delete":
        return _users_delete(settings, args.name)
    return _users_add(settings, args)


def _users_list(settings: Settings) -> int:

    found = _with_store(settings, lambda store: store.all_users())
    if not found:
        print("no users (bsm-relay users add NAME)")
        return EXIT_OK
    width = max(len(name) for name, _, _ in found)
    for name, role, changed in found:
        print(f"{name:<{width}}  {role:<8}  changed {changed:%Y-%m-%d %H:%M} UTC")
    return EXIT_OK


def _users_delete(settings: Settings, name: str) -> int:

    if not _with_store(settings, lambda store: store.delete_user(name)):
        raise CliError(f"no user {name}")
    print(f"user {name} deleted ({_picked_up(settings)})")
    return EXIT_OK


def _picked_up(settings: Settings) -> str:
    seconds = settings.smtp.users_refresh_seconds
    if seconds > 0:
        return f"a running relay picks it up within {seconds:g} seconds"
    return "reload a running relay with SIGHUP (users_refresh_seconds = 0)"


def _users_unlock(settings: Settings, name: str) -> int:

    if not _with_store(settings, lambda store: store.touch_user(name)):
        raise CliError(f"no user {name}")
    print(f"user {name} unlocked ({_picked_up(settings)})")
    return EXIT_OK


def _users_add(settings: Settings, args: argparse.Namespace) -> int:
    from relay.users import hash_password

    if args.password_stdin or not sys.stdin.isatty():
        # no terminal to ask at (a script, `docker compose exec -T`): the first line of input
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CliError(
                "no password on standard input: pipe one in "
                f"(echo ... | bsm-relay users add {args.name} --password-stdin) "
                "or run it at a terminal"
            )
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            raise CliError("the passwords differ")
    if len(password) < 8:
        raise CliError("the password must have at least 8 characters")
    if not args.name or any(c.isspace() for c in args.name):
        raise CliError("a user name must not be empty or contain spaces")

    _with_store(
        settings, lambda store: store.set_user(args.name, hash_password(password), args.role)
    )
    role = f" as {args.role}" if args.role else ""
    print(f"user {args.name} saved{role} ({_picked_up(settings)})")
    return EXIT_OK


def cmd_quarantine(settings: Settings, args: argparse.Namespace) -> int:
    """Through relay.review.actions, as the console: the store's index, its audit trail, one
    forwarding path. This relay's folder entries the index lacks are indexed first."""
    from relay.review.actions import Review, ReviewError
    from relay.runtime.core import Relay

    command = args.quarantine_command

    async def run() -> int:
        # Only a release judges the message again: the others need no policy warm-up.
        relay = await Relay.start(settings, judges=command == "release")
        try:
            review = Review(relay)
            if command == "list":
                await review.adopt_folder()
                return await _quarantine_list(review, args)
            if command == "show":
                return await _quarantine_show(review, args.id)
            # who changed what: the review's log lines carry the OS user and the CLI as the way
            with structlog.contextvars.bound_contextvars(via="cli", os_user=_os_user()):
                if command == "delete":
                    await review.delete(args.id, _operator(args.by), args.reason)
                    print(f"{args.id} deleted")
                    return EXIT_OK
                # The command line is the operator of the relay's host: an admin's rights.
                done = await review.release(
                    args.id,
                    _operator(args.by),
                    "admin",
                    args.reason,
                    even_if_newer=args.even_if_newer,
                )
            print(f"{args.id} released: {done.reply}")
            return EXIT_OK
        finally:
            await relay.close()

    # release and delete say who changed what on stderr, one JSON line each (stdout stays the
    # command's answer)
    changes = command in ("release", "delete")
    logs.configure(
        level="info" if changes else "warning", stream=sys.stderr, log_format=args.log_format
    )
    try:
        return asyncio.run(run())
    except ReviewError as exc:
        raise CliError(str(exc)) from None


async def _quarantine_list(review: Any, args: argparse.Namespace) -> int:
    from relay.review.actions import record_of
    from relay.store.base import EntryQuery

    entries, _ = await review.store.find_entries(EntryQuery(state=args.state or "", limit=100000))
    rows = [
        {
            "id": entry.id,
            "time": entry.created_at.isoformat(),
            "state": entry.state,
            "sender": entry.sender,
            "recipient": entry.recipient,
            "order_id": entry.order_id or "",
            "codes": sorted({str(f["code"]) for f in record_of(entry).get("findings", [])}),
        }
        for entry in reversed(entries)  # oldest first, as before the index
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("quarantine is empty" if not args.state else f"no {args.state} messages")
        return EXIT_OK
    for row in rows:
        print(
            f"{row['id']}  {row['time'][:19]}  {row['state']:<8}  {row['sender']}  "
            f"{row['recipient']}  {row['order_id'] or '-'}  {','.join(row['codes'])}"
        )
    return EXIT_OK


async def _quarantine_show(review: Any, quarantine_id: str) -> int:
    from relay.model.message import parse
    from relay.review.actions import ReviewError, record_of

    entry = await review.entry(quarantine_id)
    record = record_of(entry)
    print(
        f"{entry.id}  state {entry.state}  action {record.get('action')}  "
        f"policy {record.get('policy_version')}  held by {entry.holder}"
    )
    print("findings:")
    for finding in record.get("findings", []):
        print(f"  {finding['code']} {finding['severity']}: {finding['message']}")
        if finding.get("evidence"):
            print(f"      evidence: {finding['evidence']}")
    envelope = record.get("envelope", {})
    headers = record.get("headers", {})
    print("message:")
    print(f"  envelope from: {envelope.get('mail_from', '')}")
    print(f"  envelope to:   {', '.join(envelope.get('rcpt_tos', []))}")
    if entry.auth_user:
        print(f"  auth user:     {entry.auth_user}")
    for key in ("from", "to", "subject", "date", "message_id"):
        print(f"  {key}: {headers.get(key, '')}")
    print(f"  order: {entry.order_id or '-'}  size: {entry.size} bytes")
    try:
        message = parse(await review.raw(entry))
    except ReviewError:
        message = None
    if message is not None:
        for attachment in message.attachments:
            print(
                f"  attachment: {attachment.filename or '(no name)'}  "
                f"{attachment.sniffed_kind or attachment.declared_type}  {attachment.size} bytes"
            )
        print("  text:")
        for line in message.own_text.splitlines()[:20]:
            print(f"    {line}")
    print("audit trail:")
    for event in await review.store.audit_trail(entry.id):
        reason = f"  ({event.reason})" if event.reason else ""
        print(f"  {event.at.isoformat()[:19]}  {event.action}  by {event.actor}{reason}")
    return EXIT_OK


def cmd_rules(settings: Settings, args: argparse.Namespace) -> int:
    from relay import rules
    from relay.policy import load_policy
    from relay.review.explain import explain

    policy = load_policy(settings.policy.files)
    specs = rules.load()
    codes = [spec.code for spec in specs]
    if args.code:
        wanted = args.code.upper()
        if wanted not in codes:
            close = difflib.get_close_matches(wanted, codes, n=1)
            hint = f" (did you mean {close[0]}?)" if close else " (`bsm-relay rules` lists them)"
            raise CliError(f"no rule {args.code}{hint}")
        codes = [wanted]
    rows: list[dict[str, Any]] = []
    for spec in specs:
        if spec.code not in codes:
            continue
        code = spec.code
        severity, mode = policy.resolve(code)
        rule_settings = policy.settings(code)
        rows.append(
            {
                "code": code,
                "name": spec.name,
                "family": spec.family,
                "severity": severity.value,
                "variants": {k: v.value for k, v in policy.variants(code).items()},
                "mode": mode.value,
                "enabled": rule_settings.enabled,
                # the same words as the console and the notices give (relay.review.explain)
                "citation": explain(code).guideline or spec.citation,
                "description": spec.summary,
                "documentation": spec.doc,
            }
        )
    if args.json:
        print(json.dumps(rows[0] if args.code else rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.code:
        return _rule_detail(rows[0])
    for row in rows:
        flags = "" if row["enabled"] else " (disabled)"
        if row["mode"] == "log":
            flags += " (shadow)"
        variants = ", ".join(f"{k}: {v}" for k, v in row["variants"].items())
        print(f"{row['code']:<8} {row['severity']:<7} {row['name']}{flags}")
        print(f"         {row['description']}" + (f" [{variants}]" if variants else ""))
    return EXIT_OK


def _rule_detail(row: dict[str, Any]) -> int:
    """One rule: what it checks, why (the guideline), how it is set, and its examples."""
    flags = "" if row["enabled"] else ", disabled"
    if row["mode"] == "log":
        flags += ", shadow (logged only)"
    print(f"{row['code']}  {row['name']}  ({row['severity']}{flags})")
    if row["variants"]:
        print("variants: " + ", ".join(f"{k}: {v}" for k, v in row["variants"].items()))
    if row["citation"]:
        print(f"guideline: {row['citation']}")
    print()
    print(row["documentation"] or row["description"])
    return EXIT_OK


COMMANDS: dict[str, Callable[[Settings, argparse.Namespace], int]] = {
    "serve": cmd_serve,
    "console": cmd_console,
    "check": cmd_check,
    "orders": cmd_orders,
    "users": cmd_users,
    "quarantine": cmd_quarantine,
    "rules": cmd_rules,
}


def main(argv: Sequence[str] | None = None) -> int:
    # Imported here, not at the top: every spawned process (workers, parse processes) imports
    # this module as its __main__, and a parse process needs neither pydantic nor the policy.
    from relay.config import ConfigError, load_settings
    from relay.policy import PolicyError
    from relay.store.base import StoreError

    args = build_parser().parse_args(argv)
    try:
        logs.configure(level="warning", stream=sys.stderr, log_format=args.log_format)
        settings = load_settings(args.config)
        return COMMANDS[args.command](settings, args)
    except (ConfigError, PolicyError, StoreError, CliError) as exc:
        print(f"bsm-relay: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError as exc:
        if not _stdout_reader_gone():
            # a socket or a child process's pipe, not our output: a failure, never a quiet 0
            print(f"bsm-relay: internal error: BrokenPipeError: {exc}", file=sys.stderr)
            return EXIT_USAGE
        # `bsm-relay rules | head`: the reader has all it wanted. Point stdout at /dev/null so
        # the interpreter's final flush does not fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        print(
            f"bsm-relay: {exc.strerror or exc}: {getattr(exc, 'filename', '') or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return EXIT_USAGE
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        print(f"bsm-relay: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _stdout_reader_gone() -> bool:
    """Whether standard output is a pipe whose reader has closed it (poll reports an error
    on the writing end then); a file or a terminal never is."""
    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLOUT)
        return any(event & select.POLLERR for _fd, event in poller.poll(0))
    except (OSError, ValueError):
        return True  # no usable stdout at all: nothing to report it on either


if __name__ == "__main__":
    raise SystemExit(main())
