"""The organization cost model: each member pays for its cross-account events only, and the central account's bill
is the single-account bill over every member's events (figures worked by hand)."""

from __future__ import annotations

import pytest

from tests.unit.test_bench_smoke import load

org = load("org_cost_model")
DAYS = 730 / 24


def test_a_member_pays_one_dollar_a_million_forwarded_events() -> None:
    events, usd = org.member_monthly(4, 50, DAYS)
    assert events == pytest.approx(4 * 50 * 30.416666)  # 6,083 events
    assert usd == pytest.approx(0.0060833, rel=1e-4)


def test_the_brief_scale_prints_the_central_and_member_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert org.main([]) == 0
    out = capsys.readouterr().out
    assert "100 accounts x 4 regions x 50 config events/day = 20,000 events/day" in out
    assert "each member account: 6,083 events forwarded cross-account/month = $0.0061/month" in out
    central = float(out.split("Leftovers itself, central: $")[1].split("/")[0])
    assert 1.0 < central < 10.0  # SQS, Lambda, DynamoDB and logs for 608,333 events a month
    assert "PASS" in out


def test_more_accounts_cost_the_central_account_more_and_each_member_the_same(
    capsys: pytest.CaptureFixture[str],
) -> None:
    figures = {}
    for accounts in ("10", "100"):
        org.main(["--accounts", accounts])
        out = capsys.readouterr().out
        figures[accounts] = (
            float(out.split("Leftovers itself, central: $")[1].split("/")[0]),
            out.split("each member account: ")[1].split(" (")[0],
        )
    assert figures["100"][0] > figures["10"][0]
    assert figures["100"][1] == figures["10"][1]
