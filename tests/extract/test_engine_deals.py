"""Sales, contracts, deals, purchases, arrivals and seizures as the extractor reads them.

Each case is a text written for this file with the transfers an annotator would record
(../shared/spec/ANNOTATION.md); see `engine_cases` for how a case is checked. Cases the engine
gets wrong today are strict xfails whose reason says what it does instead.
"""

from __future__ import annotations

import pytest

from tests.extract.engine_cases import Case, Flow, case, check_case

pytestmark = pytest.mark.model

# The case tables keep one case per short block: the formatter would spread each over ten lines.
# fmt: off

BUYING = [
    # A possessive buyer on a purchase noun is the recipient: "Qatar's acquisition of".
    case("en-possessive-buyer", "en",
         "Qatar's acquisition of MQ-9B drones from the United States was signed in May.",
         Flow("USA", "QAT", "drones", "planned", "asserted")),
]

# fmt: on


@pytest.mark.parametrize("item", BUYING)
def test_engine_reads_purchases(item: Case) -> None:
    check_case(item)
