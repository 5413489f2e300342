"""Recognises boilerplate lines with the rules of `junk_patterns.py`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from armstrace.ingest.junk_patterns import JUNK_RULES, MAX_JUNK_LINE_CHARS, JunkRule

_SEGMENT_SEPARATOR = re.compile(r"\|\s*")


class BoilerplateMatcher:
    """All anchored rules in one alternation, so a line costs one `match` per segment start."""

    def __init__(self, rules: Sequence[JunkRule]) -> None:
        anchored = [rule for rule in rules if rule.anchored]
        self._anchored_rules = anchored
        self._anchored = re.compile(
            "|".join(
                f"(?P<r{index}>(?{'i' if rule.ignore_case else ''}:{rule.pattern}))"
                for index, rule in enumerate(anchored)
            )
        )
        self._anchored_max_chars = max((rule.max_chars for rule in anchored), default=0)
        self._searched = [
            (rule, re.compile(rule.pattern, re.IGNORECASE if rule.ignore_case else 0))
            for rule in rules
            if not rule.anchored
        ]
        self._max_chars = max((rule.max_chars for rule in rules), default=0)

    def find_rule(self, line: str) -> str | None:
        """Id of the first rule that says the stripped `line` is boilerplate, else None."""
        if not line or len(line) > self._max_chars:
            return None
        if len(line) <= self._anchored_max_chars:
            rule_id = self._match_anchored(line, 0)
            if rule_id is None and "|" in line:
                for separator in _SEGMENT_SEPARATOR.finditer(line):
                    rule_id = self._match_anchored(line, separator.end())
                    if rule_id is not None:
                        break
            if rule_id is not None:
                return rule_id
        lowered = line.lower()
        for rule, pattern in self._searched:
            if (
                len(line) <= rule.max_chars
                and any(hint in lowered for hint in rule.hints)
                and pattern.search(line)
            ):
                return rule.id
        return None

    def _match_anchored(self, line: str, position: int) -> str | None:
        match = self._anchored.match(line, position)
        if match is None or match.lastgroup is None:
            return None
        rule = self._anchored_rules[int(match.lastgroup[1:])]
        return rule.id if len(line) <= rule.max_chars else None


DEFAULT_MATCHER = BoilerplateMatcher(JUNK_RULES)


def find_junk_rule(line: str) -> str | None:
    """Id of the junk rule that matches the stripped `line`, or None for a line of content."""
    return DEFAULT_MATCHER.find_rule(line)


__all__ = ["MAX_JUNK_LINE_CHARS", "BoilerplateMatcher", "find_junk_rule"]
