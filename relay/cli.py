"""The `bsm-relay` command. Every error is one line on stderr; never a traceback."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from relay import __version__, logs

if TYPE_CHECKING:
    from relay.config import Settings

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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bsm-relay", description=__doc__)
    parser.add_argument("--config", help="settings file (default: ./bsm-relay.toml)")
    parser.add_argument("--version", action="version", version=f"bsm-relay {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    commands.add_parser("serve", help="run the SMTP relay and the HTTP endpoint")

    check = commands.add_parser("check", help="run the policy on one message, send nothing")
    check.add_argument("message", help="an .eml file, or - for standard input")
    check.add_argument("--mail-from", help="envelope sender (default: the From: address)")
    check.add_argument("--rcpt", action="append", help="envelope recipient (repeatable)")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.add_argument("--now", help="judge as of this ISO 8601 time (default: now)")

    orders = commands.add_parser("orders", help="the order store").add_subparsers(
        dest="orders_command", required=True, parser_class=_Parser
    )
    orders_import = orders.add_parser("import", help="upsert orders from a CSV or order report")
    orders_import.add_argument("file")

    users = commands.add_parser("users", help="SMTP AUTH logins").add_subparsers(
        dest="users_command", required=True, parser_class=_Parser
    )
    users_add = users.add_parser("add", help="add or update a login")
    users_add.add_argument("name")
    users_add.add_argument("--password-stdin", action="store_true")

    quarantine = commands.add_parser("quarantine", help="review held and rejected messages")
    q = quarantine.add_subparsers(dest="quarantine_command", required=True, parser_class=_Parser)
    q_list = q.add_parser("list")
    q_list.add_argument("--state", choices=["held", "rejected", "released", "deleted"])
    q_list.add_argument("--json", action="store_true")
    q.add_parser("show").add_argument("id")
    q_release = q.add_parser("release")
    q_release.add_argument("id")
    q_release.add_argument("--by", help="operator name recorded in the history")
    q_delete = q.add_parser("delete")
    q_delete.add_argument("id")
    q_delete.add_argument("--by", help="operator name recorded in the history")

    rules = commands.add_parser("rules", help="the rule catalogue")
    rules.add_argument("--json", action="store_true")
    return parser


def _operator(explicit: str | None) -> str:
    if explicit:
        return explicit
    try:
        return getpass.getuser()
    except Exception:
        return os.environ.get("USER", "operator")


# -- commands ---------------------------------------------------------------------------------


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    from relay.memory import fix_mmap_threshold
    from relay.server import serve

    logs.configure()
    fix_mmap_threshold()
    asyncio.run(serve(settings))
    return EXIT_OK


def cmd_check(settings: Settings, args: argparse.Namespace) -> int:
    from relay.app import relay_config
    from relay.context import Envelope
    from relay.message import parse
    from relay.pipeline import Checker
    from relay.policy import load_policy
    from relay.store import open_store

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

    async def run() -> Any:
        store = await open_store(settings.store.url)
        try:
            return await Checker(policy, relay_config(settings), store).evaluate(
                raw, envelope, now=now
            )
        finally:
            await store.close()

    evaluation = asyncio.run(run())
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


def cmd_orders(settings: Settings, args: argparse.Namespace) -> int:
    from relay.orders_import import ImportFileError, import_file
    from relay.store import open_store

    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"cannot read {path}: no such file")

    async def run() -> Any:
        store = await open_store(settings.store.url)
        try:
            return await import_file(path, store)
        finally:
            await store.close()

    try:
        report = asyncio.run(run())
    except ImportFileError as exc:
        raise CliError(str(exc)) from None
    print(f"imported {report.imported} rows, refused {len(report.refused)}")
    for refused in report.refused:
        print(f"  line {refused.line}: {refused.reason}")
    return EXIT_OK if not report.refused else EXIT_BLOCKED


def cmd_users(settings: Settings, args: argparse.Namespace) -> int:
    from relay.store import open_store
    from relay.users import hash_password

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            raise CliError("the passwords differ")
    if len(password) < 8:
        raise CliError("the password must have at least 8 characters")
    if not args.name or any(c.isspace() for c in args.name):
        raise CliError("a user name must not be empty or contain spaces")

    async def run() -> None:
        store = await open_store(settings.store.url)
        try:
            await store.set_user(args.name, hash_password(password))
        finally:
            await store.close()

    asyncio.run(run())
    print(f"user {args.name} saved (reload a running relay with SIGHUP)")
    return EXIT_OK


def cmd_quarantine(settings: Settings, args: argparse.Namespace) -> int:
    from relay.quarantine import Quarantine, QuarantineError

    quarantine = Quarantine(Path(settings.quarantine.dir))
    try:
        if args.quarantine_command == "list":
            return _quarantine_list(quarantine, args)
        if args.quarantine_command == "show":
            return _quarantine_show(quarantine, args.id)
        if args.quarantine_command == "delete":
            quarantine.delete(args.id, _operator(args.by))
            print(f"{args.id} deleted")
            return EXIT_OK
        return _quarantine_release(settings, args)
    except QuarantineError as exc:
        raise CliError(str(exc)) from None


def _quarantine_list(quarantine: Any, args: argparse.Namespace) -> int:
    rows = []
    for entry in quarantine.entries(args.state):
        record = entry.record
        rows.append(
            {
                "id": entry.id,
                "time": record.get("received_at", ""),
                "state": entry.state,
                "sender": record.get("envelope", {}).get("mail_from", ""),
                "recipient": ", ".join(record.get("envelope", {}).get("rcpt_tos", [])),
                "order_id": record.get("order_id") or "",
                "codes": sorted({f["code"] for f in record.get("findings", [])}),
            }
        )
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


def _quarantine_show(quarantine: Any, quarantine_id: str) -> int:
    from relay.message import parse

    entry = quarantine.get(quarantine_id)
    record = entry.record
    print(
        f"{entry.id}  state {entry.state}  action {record.get('action')}  "
        f"policy {record.get('policy_version')}"
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
    for key in ("from", "to", "subject", "date", "message_id"):
        print(f"  {key}: {headers.get(key, '')}")
    print(f"  order: {record.get('order_id') or '-'}  size: {record.get('size')} bytes")
    if entry.eml_path.exists():
        text = parse(entry.eml_path.read_bytes()).own_text
        print("  text:")
        for line in text.splitlines()[:20]:
            print(f"    {line}")
    print("history:")
    for event in record.get("history", []):
        note = f"  ({event['note']})" if event.get("note") else ""
        print(f"  {event['at'][:19]}  {event['state']}  by {event['by']}{note}")
    return EXIT_OK


def _quarantine_release(settings: Settings, args: argparse.Namespace) -> int:
    from relay.app import Relay, ReleaseError

    async def run() -> Any:
        relay = await Relay.start(settings)
        try:
            return await relay.release(args.id, _operator(args.by))
        finally:
            await relay.close()

    logs.configure(level="warning", stream=sys.stderr)
    try:
        outcome = asyncio.run(run())
    except ReleaseError as exc:
        raise CliError(str(exc)) from None
    print(f"{args.id} released: {outcome.reply}")
    return EXIT_OK


def cmd_rules(settings: Settings, args: argparse.Namespace) -> int:
    from relay import rules
    from relay.policy import load_policy

    policy = load_policy(settings.policy.files)
    rows: list[dict[str, Any]] = []
    for spec in rules.load():
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
                "citation": spec.citation,
                "description": spec.summary,
                "documentation": spec.doc,
            }
        )
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:
        flags = "" if row["enabled"] else " (disabled)"
        if row["mode"] == "log":
            flags += " (shadow)"
        variants = ", ".join(f"{k}: {v}" for k, v in row["variants"].items())
        print(f"{row['code']:<8} {row['severity']:<7} {row['name']}{flags}")
        print(f"         {row['description']}" + (f" [{variants}]" if variants else ""))
    return EXIT_OK


COMMANDS: dict[str, Callable[[Settings, argparse.Namespace], int]] = {
    "serve": cmd_serve,
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
        settings = load_settings(args.config)
        return COMMANDS[args.command](settings, args)
    except (ConfigError, PolicyError, StoreError, CliError) as exc:
        print(f"bsm-relay: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
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


if __name__ == "__main__":
    raise SystemExit(main())
