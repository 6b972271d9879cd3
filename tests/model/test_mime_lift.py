"""relay/model/mime_lift.py: lifting long base64 runs out of the parse leaves the parsed tree as the
original bytes give it, payload strings, preambles, epilogues and defects included."""

from __future__ import annotations

import base64
import email
import email.policy
import itertools
import random
from email.message import Message
from typing import Any

import pytest

from bench.messages import mix
from relay.model import mime_lift
from relay.model.message import _PARSE_POLICY, parse

BIG = mime_lift.MIN_RUN_BYTES * 2


def b64_lines(size: int, seed: int, width: int = 76, ending: bytes = b"\r\n") -> bytes:
    encoded = base64.b64encode(random.Random(seed).randbytes(size))
    return b"".join(encoded[i : i + width] + ending for i in range(0, len(encoded), width))


def shape(msg: Message) -> list[tuple[Any, ...]]:
    """Everything of a parsed tree that the parse model or a decode could read."""
    result: list[tuple[Any, ...]] = []
    for part in msg.walk():
        payload = None if part.is_multipart() else part.get_payload()
        decoded = None if part.is_multipart() else part.get_payload(decode=True)
        result.append(
            (
                part.get_content_type(),
                list(part.items()),
                payload,
                decoded,
                getattr(part, "preamble", None),
                getattr(part, "epilogue", None),
                [type(d).__name__ for d in part.defects],
            )
        )
    return result


def lifted_tree(raw: bytes) -> tuple[Message, mime_lift.Lifted, bool]:
    lifted = mime_lift.lift(raw)
    msg = email.message_from_bytes(lifted.data, policy=_PARSE_POLICY)
    return msg, lifted, mime_lift.restore(msg, lifted)


def assert_same_tree(raw: bytes, *, lifted_runs: int | None = None) -> None:
    msg, lifted, restored = lifted_tree(raw)
    assert restored
    if lifted_runs is not None:
        assert len(lifted.runs) == lifted_runs
    assert shape(msg) == shape(email.message_from_bytes(raw, policy=_PARSE_POLICY))


def multipart(
    body: bytes, *, preamble: bytes = b"", epilogue: bytes = b"", nl: bytes = b"\r\n"
) -> bytes:
    return nl.join(
        [
            b"From: a@shop.example",
            b"To: b@marketplace.amazon.de",
            b'Content-Type: multipart/mixed; boundary="XyZ=="',
            b"",
            preamble + b"--XyZ==",
            b"Content-Type: text/plain",
            b"",
            b"Hallo",
            b"--XyZ==",
            b"Content-Type: application/pdf",
            b"Content-Transfer-Encoding: base64",
            b"",
            body + b"--XyZ==--",
            epilogue,
        ]
    )


@pytest.mark.parametrize("kind", ["pdf1m", "pdf10m"])
def test_bench_attachments_are_lifted_and_the_tree_is_the_same(kind: str) -> None:
    assert_same_tree(mix()[kind].render(7), lifted_runs=1)


def test_parse_model_is_the_same_with_and_without_lifting(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = mix()["pdf1m"].render(3)
    with_lifting = parse(raw)
    monkeypatch.setattr(mime_lift, "MIN_RUN_BYTES", 10**12)
    assert mime_lift.lift(raw).runs == {}
    assert parse(raw) == with_lifting


def test_small_messages_are_not_touched() -> None:
    raw = multipart(b64_lines(1000, 1))
    assert mime_lift.lift(raw).data is raw


@pytest.mark.parametrize("nl", [b"\r\n", b"\n"])
def test_line_endings_and_blank_lines_around_the_run(nl: bytes) -> None:
    body = nl + b64_lines(BIG, 2, ending=nl) + nl + nl
    assert_same_tree(multipart(body, nl=nl), lifted_runs=1)


def test_run_in_preamble_epilogue_and_plain_body() -> None:
    raw = multipart(
        b64_lines(BIG, 3),
        preamble=b64_lines(BIG, 4),
        epilogue=b"\r\n" + b64_lines(BIG, 5),
    )
    assert_same_tree(raw, lifted_runs=3)
    plain = b"Subject: x\r\n\r\n" + b64_lines(BIG, 6) + b"-- \r\nGruss\r\n"
    assert_same_tree(plain, lifted_runs=1)


def test_headerless_part_and_missing_separator() -> None:
    # base64 lines right after the boundary (no headers) and right after a header (no blank line)
    raw = multipart(b64_lines(BIG, 7)).replace(
        b"Content-Transfer-Encoding: base64\r\n\r\n", b"Content-Transfer-Encoding: base64\r\n"
    )
    assert_same_tree(raw, lifted_runs=1)


def test_damaged_base64_keeps_its_defects() -> None:
    lines = b64_lines(57 * 2300, 8)  # 2300 full lines of 76
    # a last line of 3 characters: base64 of a length that is no multiple of 4
    raw = multipart(lines + b"QQQ\r\n")
    assert_same_tree(raw, lifted_runs=1)
    msg, _lifted, _restored = lifted_tree(raw)
    decoded = [part.get_payload(decode=True) for part in msg.walk() if not part.is_multipart()]
    assert decoded
    assert "InvalidBase64PaddingDefect" in {type(d).__name__ for p in msg.walk() for d in p.defects}


def test_lines_of_different_widths_are_left_to_the_parser() -> None:
    lines = b64_lines(BIG, 12)
    raw = multipart(lines[:5000] + b"A" + lines[5000:])
    assert mime_lift.lift(raw).runs == {}
    assert_same_tree(raw)


def test_blank_line_or_lone_cr_inside_is_left_to_the_parser() -> None:
    lines = b64_lines(BIG, 9)
    middle = len(lines) // 2 // 78 * 78
    with_blank = multipart(lines[:middle] + b"\r\n" + lines[middle:])
    with_cr = multipart(lines[:middle] + b"AAAA\rBBBB\r\n" + lines[middle:])
    for raw in (with_blank, with_cr):
        lifted = mime_lift.lift(raw)
        assert all("\r\n\r\n" not in run.text for run in lifted.runs.values())
        assert all("\rB" not in run.text for run in lifted.runs.values())
        assert_same_tree(raw)


def test_placeholder_already_in_the_message_means_no_lifting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(mime_lift.secrets, "token_hex", lambda _n: "0" * 16)
    raw = multipart(b64_lines(BIG, 10), preamble=b"bsmLifted0000000000000000n0\r\n")
    assert mime_lift.lift(raw).runs == {}
    assert_same_tree(raw)


def test_a_placeholder_not_found_once_fails_the_restore() -> None:
    raw = multipart(b64_lines(BIG, 11))
    lifted = mime_lift.lift(raw)
    never = mime_lift.Run("QUFB\r\n", "\r\n", 4)
    twice = mime_lift.Lifted(lifted.data, {**lifted.runs, "bsmLiftedNeverThere": never})
    msg = email.message_from_bytes(twice.data, policy=_PARSE_POLICY)
    assert not mime_lift.restore(msg, twice)


def test_randomized_structures() -> None:
    rng = random.Random(13)
    for round_ in range(12):
        nl = rng.choice([b"\r\n", b"\n"])
        parts = []
        for index in range(rng.randint(1, 4)):
            size = rng.choice([100, BIG, BIG + 17])
            encoding = rng.choice([b"base64", b"7bit"])
            parts.append(
                nl.join(
                    [
                        b"--B" + str(round_).encode(),
                        b"Content-Type: application/octet-stream; name=f" + str(index).encode(),
                        b"Content-Transfer-Encoding: " + encoding,
                        b"",
                        b64_lines(size, round_ * 10 + index, rng.choice([64, 72, 76]), nl),
                    ]
                )
            )
        raw = nl.join(
            [
                b"From: a@shop.example",
                b"Content-Type: multipart/mixed; boundary=B" + str(round_).encode(),
                b"",
                b"",
            ]
        )
        raw += b"".join(parts) + b"--B" + str(round_).encode() + b"--" + nl
        assert_same_tree(raw)


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("base64", b"SGVsbG8sIHdvcmxkIQ==\r\nSGVsbG8sIHdvcmxkIQ==\r\n"),
        ("base64", b"SGVsbG8sIHdvcmxkIQ==\nSGVsbG8\n"),  # LF only, missing padding
        ("base64", b"SGVs*bG8s\r\nIHdvcmxkIQ\r\n"),  # a character outside the alphabet
        ("base64", b"SGVs\rbG8sIHdv\r\ncmxkIQ==\r\n"),  # a lone CR
        ("base64", b"\xc3\xa9SGVsbG8=\r\n"),  # not ASCII
        ("BASE64", b"SGVsbG8sIHdvcmxkIQ==\r\n"),
        ("quoted-printable", b"caf=C3=A9=\r\nbar\r\n"),
        ("8bit", b"caf\xc3\xa9\r\n"),
        ("7bit", b"plain\r\n"),
    ],
)
def test_decoded_payload_is_get_payload_decoded_with_the_same_defects(
    encoding: str, body: bytes
) -> None:
    raw = (
        b"Subject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: application/octet-stream\r\n"
        b"Content-Transfer-Encoding: " + encoding.encode() + b"\r\n\r\n" + body + b"--b--\r\n"
    )
    ours = email.message_from_bytes(raw, policy=email.policy.default)
    theirs = email.message_from_bytes(raw, policy=email.policy.default)
    for mine, stdlib in zip(ours.walk(), theirs.walk(), strict=True):
        assert mime_lift.decoded_payload(mine) == stdlib.get_payload(decode=True)
        assert [type(d) for d in mine.defects] == [type(d) for d in stdlib.defects]


def test_base64_decode_is_decode_b_on_every_short_input() -> None:
    """Every string of up to six characters of a small alphabet (a letter with no low bits set
    and one with, a symbol, the pad, a line end, a character outside the alphabet): the same
    value and defects."""
    alphabet = b"AQ/=\n*"
    for length in range(7):
        for chars in itertools.product(alphabet, repeat=length):
            encoded = bytes(chars)
            value, defects = mime_lift._decode_base64(encoded)
            expected, expected_defects = mime_lift._decode_b(encoded)
            assert value == expected, encoded
            assert [type(d) for d in defects] == [type(d) for d in expected_defects], encoded


@pytest.mark.parametrize("seed", range(20))
def test_base64_decode_is_decode_b_on_long_inputs(seed: int) -> None:
    rng = random.Random(seed)
    encoded = bytearray(base64.b64encode(rng.randbytes(rng.randrange(1, 5000))))
    for _ in range(rng.randrange(3)):  # a few damaged ones: a stray or missing character
        at = rng.randrange(len(encoded))
        if rng.random() < 0.5:
            encoded.insert(at, rng.choice(b"=*-A\x00"))
        else:
            del encoded[at]
    value, defects = mime_lift._decode_base64(bytes(encoded))
    expected, expected_defects = mime_lift._decode_b(bytes(encoded))
    assert value == expected
    assert [type(d) for d in defects] == [type(d) for d in expected_defects]


def test_well_formed_base64_is_not_decoded_by_the_stdlib(monkeypatch: pytest.MonkeyPatch) -> None:
    """The 1 MB attachment's decode (7 ms in binascii) is pybase64's; the stdlib's only for
    what pybase64 refuses."""

    def refuse(encoded: bytes) -> tuple[bytes, list[Any]]:
        raise AssertionError("decoded by the stdlib")

    monkeypatch.setattr(mime_lift, "_decode_b", refuse)
    raw = mix()["pdf1m"].raw
    attachment = parse(raw).attachments[0]
    assert attachment.sniffed_kind == "pdf"
    with pytest.raises(AssertionError):
        mime_lift._decode_base64(b"SGVs*bG8=")


@pytest.mark.parametrize("ending", [b"\r\n", b"\n"])
@pytest.mark.parametrize("seed", range(15))
def test_a_lifted_run_decodes_as_decode_b_of_its_characters(ending: bytes, seed: int) -> None:
    """A part whose payload is one lifted run is decoded from the run's lines as they are:
    the same value and defects as decode_b of the characters joined, for whole, padded,
    short and damaged runs (a character or a pad too many or too few)."""
    rng = random.Random(seed)
    encoded = bytearray(base64.b64encode(rng.randbytes(BIG + rng.randrange(3))))
    damage = seed % 5
    if damage == 1:
        del encoded[rng.randrange(len(encoded))]
    elif damage == 2:
        encoded.insert(rng.randrange(len(encoded)), ord("="))
    elif damage == 3:
        encoded += b"="
    elif damage == 4:  # a pad in the middle, the length still a multiple of four
        encoded[rng.randrange(len(encoded) - 8)] = ord("=")
    width = rng.choice([60, 64, 76])
    lines = b"".join(
        bytes(encoded[i : i + width]) + ending for i in range(0, len(encoded), width)
    )
    msg, lifted, restored = lifted_tree(multipart(lines, nl=ending))
    assert restored and len(lifted.runs) == 1
    part = next(p for p in msg.walk() if p.get_content_type() == "application/pdf")
    expected, expected_defects = mime_lift._decode_b(bytes(encoded))
    assert mime_lift.decoded_payload(part) == expected
    assert [type(d) for d in part.defects] == [type(d) for d in expected_defects]


def test_a_lifted_run_is_not_joined_before_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    """The 1 MB PDF's lines go to the decoder as they are: no joined copy of them is made."""

    def refuse(encoded: bytes) -> tuple[bytes, list[Any]]:
        raise AssertionError("joined and decoded")

    monkeypatch.setattr(mime_lift, "_decode_base64", refuse)
    attachment = parse(mix()["pdf1m"].raw).attachments[0]
    assert attachment.sniffed_kind == "pdf"


def _uniform_by_counting(raw: bytes, start: int, last: int) -> bool:
    """_uniform_lines as it was first written: every CR and LF of the run counted."""
    width = raw.find(b"\n", start, last) + 1 - start
    ending = 2 if raw[start + width - 2 : start + width] == b"\r\n" else 1
    if width <= ending:
        return False
    final_start = raw.rfind(b"\n", start, last - 1) + 1
    if final_start < start or (final_start - start) % width:
        return False
    lines = (final_start - start) // width + 1
    if last - final_start <= ending:
        return False
    line_ends = raw[start + width - 1 : final_start : width]
    if line_ends.count(b"\n") != len(line_ends) or raw.count(b"\n", start, last) != lines:
        return False
    if ending == 1:
        return raw.find(b"\r", start, last) < 0
    carriage_returns = raw[start + width - 2 : final_start : width]
    return (
        carriage_returns.count(b"\r") == len(carriage_returns)
        and raw[last - 2 : last] == b"\r\n"
        and raw.count(b"\r", start, last) == lines
    )


@pytest.mark.parametrize("ending", [b"\r\n", b"\n"])
@pytest.mark.parametrize("seed", range(6))
def test_uniform_lines_answers_as_counting_every_line_end(ending: bytes, seed: int) -> None:
    """The block-wise check finds a stray CR or LF (or a missing one) wherever it is: in the
    first or last line, on a block boundary, in the last line, as the counts did."""
    rng = random.Random(seed)
    width = rng.choice([4, 60, 76])
    lines = b64_lines(rng.randrange(70_000, 300_000), seed, width, ending)
    line_bytes = width + len(ending)
    block_edge = line_bytes * mime_lift._BLOCK_LINES
    places = [0, 1, line_bytes - 1, block_edge - 1, block_edge, block_edge + 1, len(lines) - 3]
    places += [rng.randrange(len(lines)) for _ in range(20)]
    checked = 0
    for place in places:
        for byte in (b"\r", b"\n", b"A"):
            changed = bytearray(lines)
            changed[place : place + 1] = byte
            raw = b"head\r\n\r\n" + bytes(changed) + b"tail"
            start, last = 8, 8 + len(changed)
            expected = _uniform_by_counting(raw, start, last)
            assert mime_lift._uniform_lines(raw, start, last) is expected, (place, byte)
            checked += expected
    assert checked  # the unchanged cases (an "A" over an "A") are uniform
    raw = b"x\r\n" + lines
    assert mime_lift._uniform_lines(raw, 3, len(raw)) and _uniform_by_counting(raw, 3, len(raw))
