"""Score predicted transfers against gold annotations, as ../shared/spec/ANNOTATION.md says.

A predicted transfer matches a gold one of the same article when the supplier is equal (null
matches only null), the predicted recipient is the gold recipient or the gold end user, and
the materiel categories belong to the same family (every missile is one family, artillery and
other ammunition are one family). Matching is one-to-one and maximal: within an article we
solve a small assignment problem, so no greedy choice can cost a match.

Precision, recall and F1 are micro-averaged over all transfers of all gold articles; the
attributes (stage, stance, quantity, via, claimed_by, denied_by, plus exact materiel and end
user) are scored as accuracy over the matched pairs. Everything here works on plain dicts in
the record shape, so gold files, exported predictions and test fixtures are scored alike.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from armstrace.errors import GoldFileError

MISSILE_CATEGORIES = frozenset(
    {
        "ballistic_missiles",
        "cruise_missiles",
        "air_defense_missiles",
        "antitank_missiles",
        "missiles",
    }
)
AMMUNITION_CATEGORIES = frozenset({"artillery_ammunition", "other_ammunition"})

Transfer = Mapping[str, Any]


def materiel_family(category: str | None) -> str | None:
    """The family a materiel category is matched within: `missiles`, `ammunition` or itself."""
    if category in MISSILE_CATEGORIES:
        return "missiles"
    if category in AMMUNITION_CATEGORIES:
        return "ammunition"
    return category


def transfers_match(gold: Transfer, predicted: Transfer) -> bool:
    """Whether `predicted` may be paired with `gold` under the scoring rules."""
    if predicted.get("supplier") != gold.get("supplier"):
        return False
    recipient = predicted.get("recipient")
    if recipient != gold.get("recipient") and (
        gold.get("end_user") is None or recipient != gold.get("end_user")
    ):
        return False
    return materiel_family(predicted.get("materiel")) == materiel_family(gold.get("materiel"))


def _pair_preference(gold: Transfer, predicted: Transfer, pair_limit: int) -> int:
    """Tie-break between matchings of equal size: exact materiel first, then exact recipient,
    then agreement on stage and stance.

    Each level is worth more than the sum of the levels below it over a whole article
    (`pair_limit` pairs at most), so the preference is lexicographic. The last level only
    decides between gold records a prediction matches equally well, such as two records of
    one flow an annotator kept apart (by origin stock): a reader pairs the delivered one with
    the delivered prediction.
    """
    base = 2 * pair_limit + 1
    exact_materiel = predicted.get("materiel") == gold.get("materiel")
    exact_recipient = predicted.get("recipient") == gold.get("recipient")
    agreeing = sum(int(predicted.get(key) == gold.get(key)) for key in ("stage", "stance"))
    return base * base * exact_materiel + base * exact_recipient + agreeing


# The largest preference of one pair, for the weight that makes one more match outweigh any
# sum of preferences.
def _largest_preference(pair_limit: int) -> int:
    base = 2 * pair_limit + 1
    return base * base + base + 2


def _min_cost_assignment(cost: list[list[int]]) -> list[int]:
    """Hungarian algorithm on a square matrix: the column assigned to each row, at least cost.

    The O(n^3) potentials version; articles hold at most a few dozen transfers.
    """
    n = len(cost)
    inf = float("inf")
    # 1-based arrays with a virtual column 0, as the algorithm is usually stated.
    row_potential = [0.0] * (n + 1)
    col_potential = [0.0] * (n + 1)
    row_of_col = [0] * (n + 1)
    previous_col = [0] * (n + 1)
    for row in range(1, n + 1):
        row_of_col[0] = row
        current_col = 0
        min_slack = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[current_col] = True
            current_row = row_of_col[current_col]
            delta = inf
            next_col = 0
            for col in range(1, n + 1):
                if used[col]:
                    continue
                slack = (
                    cost[current_row - 1][col - 1] - row_potential[current_row] - col_potential[col]
                )
                if slack < min_slack[col]:
                    min_slack[col] = slack
                    previous_col[col] = current_col
                if min_slack[col] < delta:
                    delta = min_slack[col]
                    next_col = col
            for col in range(n + 1):
                if used[col]:
                    row_potential[row_of_col[col]] += delta
                    col_potential[col] -= delta
                else:
                    min_slack[col] -= delta
            current_col = next_col
            if row_of_col[current_col] == 0:
                break
        while current_col:
            col = previous_col[current_col]
            row_of_col[current_col] = row_of_col[col]
            current_col = col
    assignment = [0] * n
    for col in range(1, n + 1):
        assignment[row_of_col[col] - 1] = col - 1
    return assignment


def match_transfers(
    gold: Sequence[Transfer], predicted: Sequence[Transfer]
) -> list[tuple[int, int]]:
    """One-to-one pairs `(gold_index, predicted_index)` of one article, as many as possible.

    Among the maximum matchings, the one with the most exact-materiel, then exact-recipient,
    then agreeing stage and stance pairs is chosen, so that attribute accuracy compares the
    transfers a reader would pair.
    """
    size = max(len(gold), len(predicted))
    candidates = {
        (g, p): _pair_preference(gold_transfer, predicted_transfer, size)
        for g, gold_transfer in enumerate(gold)
        for p, predicted_transfer in enumerate(predicted)
        if transfers_match(gold_transfer, predicted_transfer)
    }
    if not candidates:
        return []
    # One more match must outweigh any sum of preferences, so the assignment maximises the
    # number of matches first and the preferences second.
    match_weight = size * _largest_preference(size) + 1
    cost = [[0] * size for _ in range(size)]
    for (g, p), preference in candidates.items():
        cost[g][p] = -(match_weight + preference)
    assignment = _min_cost_assignment(cost)
    return sorted(
        (g, p) for g, p in enumerate(assignment) if g < len(gold) and (g, p) in candidates
    )


def _same_value(gold: Transfer, predicted: Transfer, key: str) -> bool:
    return gold.get(key) == predicted.get(key)


def _same_set(gold: Transfer, predicted: Transfer, key: str) -> bool:
    return set(gold.get(key) or ()) == set(predicted.get(key) or ())


# The attributes scored on matched pairs: the spec's six, then two extras of our own.
ATTRIBUTE_CHECKS: dict[str, Callable[[Transfer, Transfer], bool]] = {
    "stage": lambda g, p: _same_value(g, p, "stage"),
    "stance": lambda g, p: _same_value(g, p, "stance"),
    "quantity": lambda g, p: _same_value(g, p, "quantity"),
    "via": lambda g, p: _same_set(g, p, "via"),
    "claimed_by": lambda g, p: _same_set(g, p, "claimed_by"),
    "denied_by": lambda g, p: _same_set(g, p, "denied_by"),
    "materiel_exact": lambda g, p: _same_value(g, p, "materiel"),
    "end_user": lambda g, p: _same_value(g, p, "end_user"),
}


def _ratio(numerator: int, denominator: int, *, when_empty: float) -> float:
    return numerator / denominator if denominator else when_empty


@dataclass
class AttributeAccuracy:
    """How often one attribute agrees over the matched pairs."""

    name: str
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        """Share of matched pairs that agree; None when nothing was matched."""
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "correct": self.correct,
            "total": self.total,
            "accuracy": self.accuracy,
        }


@dataclass(frozen=True)
class UnmatchedTransfer:
    """A miss (gold transfer not found) or a false alarm (predicted transfer not in gold)."""

    article_id: str
    supplier: str | None
    recipient: str | None
    end_user: str | None
    materiel: str | None
    stage: str | None
    stance: str | None
    quantity: int | None

    @classmethod
    def from_transfer(cls, article_id: str, transfer: Transfer) -> UnmatchedTransfer:
        return cls(
            article_id=article_id,
            supplier=transfer.get("supplier"),
            recipient=transfer.get("recipient"),
            end_user=transfer.get("end_user"),
            materiel=transfer.get("materiel"),
            stage=transfer.get("stage"),
            stance=transfer.get("stance"),
            quantity=transfer.get("quantity"),
        )

    def describe(self) -> str:
        """One line: `PRK -> RUS  artillery_ammunition  delivered/alleged  qty 1000`."""
        route = f"{self.supplier or '?'} -> {self.recipient or '?'}"
        if self.end_user:
            route += f" (end user {self.end_user})"
        text = f"{route}  {self.materiel}  {self.stage}/{self.stance}"
        if self.quantity is not None:
            text += f"  qty {self.quantity}"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "supplier": self.supplier,
            "recipient": self.recipient,
            "end_user": self.end_user,
            "materiel": self.materiel,
            "stage": self.stage,
            "stance": self.stance,
            "quantity": self.quantity,
        }


@dataclass(frozen=True)
class ArticleScore:
    """Counts for one gold article."""

    article_id: str
    gold: int
    predicted: int
    tp: int

    @property
    def fp(self) -> int:
        return self.predicted - self.tp

    @property
    def fn(self) -> int:
        return self.gold - self.tp

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "gold": self.gold,
            "predicted": self.predicted,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class EvalResult:
    """The outcome of `score`: micro counts, attribute accuracy, per-article detail."""

    articles: list[ArticleScore] = field(default_factory=list)
    attributes: dict[str, AttributeAccuracy] = field(default_factory=dict)
    misses: list[UnmatchedTransfer] = field(default_factory=list)
    false_alarms: list[UnmatchedTransfer] = field(default_factory=list)
    # Predicted articles with no gold record: not scored, listed so a typo in ids shows.
    ignored_article_ids: list[str] = field(default_factory=list)

    @property
    def tp(self) -> int:
        return sum(a.tp for a in self.articles)

    @property
    def fp(self) -> int:
        return sum(a.fp for a in self.articles)

    @property
    def fn(self) -> int:
        return sum(a.fn for a in self.articles)

    @property
    def precision(self) -> float:
        """TP / (TP + FP); with nothing predicted, 1.0 if gold is empty too, else 0.0."""
        return _ratio(self.tp, self.tp + self.fp, when_empty=1.0 if self.fn == 0 else 0.0)

    @property
    def recall(self) -> float:
        """TP / (TP + FN); with no gold transfer, 1.0 if nothing was predicted, else 0.0."""
        return _ratio(self.tp, self.tp + self.fn, when_empty=1.0 if self.fp == 0 else 0.0)

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "attributes": {name: a.to_dict() for name, a in self.attributes.items()},
            "articles": [a.to_dict() for a in self.articles],
            "misses": [m.to_dict() for m in self.misses],
            "false_alarms": [f.to_dict() for f in self.false_alarms],
            "ignored_article_ids": list(self.ignored_article_ids),
        }


def score(
    gold: Mapping[str, Sequence[Mapping[str, Any]]],
    predicted: Mapping[str, Sequence[Mapping[str, Any]]],
) -> EvalResult:
    """Score `predicted` against `gold`, both mapping an article id to its transfers.

    Only gold articles are scored; a gold article with no prediction counts as all missed.
    """
    result = EvalResult(
        attributes={name: AttributeAccuracy(name) for name in ATTRIBUTE_CHECKS},
        ignored_article_ids=sorted(set(predicted) - set(gold)),
    )
    for article_id in sorted(gold):
        gold_transfers = gold[article_id]
        predicted_transfers = predicted.get(article_id, ())
        pairs = match_transfers(gold_transfers, predicted_transfers)
        result.articles.append(
            ArticleScore(article_id, len(gold_transfers), len(predicted_transfers), len(pairs))
        )
        for g, p in pairs:
            for name, check in ATTRIBUTE_CHECKS.items():
                accuracy = result.attributes[name]
                accuracy.total += 1
                accuracy.correct += check(gold_transfers[g], predicted_transfers[p])
        matched_gold = {g for g, _ in pairs}
        matched_predicted = {p for _, p in pairs}
        result.misses.extend(
            UnmatchedTransfer.from_transfer(article_id, t)
            for g, t in enumerate(gold_transfers)
            if g not in matched_gold
        )
        result.false_alarms.extend(
            UnmatchedTransfer.from_transfer(article_id, t)
            for p, t in enumerate(predicted_transfers)
            if p not in matched_predicted
        )
    return result


def load_gold(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Read a JSON Lines file of records (`{"id", "transfers", ...}`): article id -> transfers.

    Works for prediction files in the same shape. Raises `GoldFileError` naming the file and
    line for a missing file, a line that is not a JSON object with a string `id` and a list of
    object `transfers`, or an id seen twice.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(f"{path}: cannot read gold file: {exc}") from exc
    articles: dict[str, list[dict[str, Any]]] = {}
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{line_number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"{where}: not valid JSON: {exc.msg}") from exc
        if not isinstance(record, dict):
            raise GoldFileError(f"{where}: expected a JSON object, got {type(record).__name__}")
        article_id = record.get("id")
        if not isinstance(article_id, str) or not article_id:
            raise GoldFileError(f'{where}: missing or non-string "id"')
        transfers = record.get("transfers")
        if not isinstance(transfers, list) or not all(isinstance(t, dict) for t in transfers):
            raise GoldFileError(f'{where}: "transfers" must be a list of objects')
        if article_id in articles:
            raise GoldFileError(f"{where}: duplicate id {article_id!r}")
        articles[article_id] = transfers
    return articles


def _format_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _article_table(articles: Sequence[ArticleScore]) -> list[str]:
    id_width = max([len("article"), *(len(a.article_id) for a in articles)])
    header = f"  {'article':<{id_width}}  {'gold':>4}  {'pred':>4}  {'tp':>3}  {'fp':>3}  {'fn':>3}"
    lines = [header]
    for a in articles:
        lines.append(
            f"  {a.article_id:<{id_width}}  {a.gold:>4}  {a.predicted:>4}"
            f"  {a.tp:>3}  {a.fp:>3}  {a.fn:>3}"
        )
    return lines


def _unmatched_lines(title: str, transfers: Sequence[UnmatchedTransfer]) -> list[str]:
    lines = [f"{title}: {len(transfers)}"]
    if transfers:
        id_width = max(len(t.article_id) for t in transfers)
        lines.extend(f"  {t.article_id:<{id_width}}  {t.describe()}" for t in transfers)
    return lines


def format_report(result: EvalResult, *, show_articles: bool) -> str:
    """The human-readable report: overall scores and attribute accuracy, then, when
    `show_articles` is true, the per-article table and every miss and false alarm."""
    gold_total = result.tp + result.fn
    predicted_total = result.tp + result.fp
    lines = [
        f"Articles scored: {len(result.articles)}   gold transfers: {gold_total}"
        f"   predicted: {predicted_total}",
        f"Precision {result.precision:.3f}   Recall {result.recall:.3f}   F1 {result.f1:.3f}"
        f"   (TP {result.tp}, FP {result.fp}, FN {result.fn})",
        "",
        f"Attribute accuracy over {result.tp} matched pairs:",
    ]
    name_width = max((len(name) for name in result.attributes), default=0)
    for name, accuracy in result.attributes.items():
        lines.append(
            f"  {name:<{name_width}}  {_format_ratio(accuracy.accuracy):>5}"
            f"  ({accuracy.correct}/{accuracy.total})"
        )
    if show_articles:
        lines += ["", "Per article:", *_article_table(result.articles)]
        lines += ["", *_unmatched_lines("Misses (gold transfers not found)", result.misses)]
        lines += [
            "",
            *_unmatched_lines("False alarms (predicted, not in gold)", result.false_alarms),
        ]
    else:
        lines += [
            "",
            f"Misses: {len(result.misses)}   False alarms: {len(result.false_alarms)}",
        ]
    if result.ignored_article_ids:
        lines += [
            "",
            f"Ignored {len(result.ignored_article_ids)} predicted article(s) absent from gold: "
            + ", ".join(result.ignored_article_ids),
        ]
    return "\n".join(lines)
