"""relay/model/_langid.c: the hot loops of relay.model.langid, compiled."""

import random

def trials(
    ngrams: list[str],
    table: dict[str, list[float]],
    rnd: random.Random,
    init: list[float],
    alpha: float,
    alpha_width: float,
    base_freq: float,
    n_trial: int,
    limit: int,
    threshold: float,
    /,
) -> list[float]: ...
def word_ngrams(chars: str, table: dict[str, list[float]], /) -> tuple[str, ...]: ...
def float_sum(values: list[float], /) -> float: ...
