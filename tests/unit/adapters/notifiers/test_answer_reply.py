"""The line that replaces a resource's line after an answer: its name escaped, the answerer as a mention, in the
digest's language; a message laid out otherwise keeps every block and gets the line added."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from leftovers.adapters.notifiers.slack.answer_reply import LINES, line, replaced
from leftovers.core.model import Answer, Resource, ResourceKey

KEY = ResourceKey("123456789012", "ap-northeast-1", "AWS::EC2::Instance", "i-0abc")
AT = datetime(2026, 11, 30, 5, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("answer", "en", "ja"),
    [
        (Answer(AT, "U0TARO", "keep", "1", until=date(2026, 12, 7)), "*a &lt;b&gt;* kept until 2026-12-07 by <@U0TARO>",
         "*a &lt;b&gt;* は 2026-12-07 まで残します（<@U0TARO>）"),
        (Answer(AT, "U0TARO", "keep", "1"), "*a &lt;b&gt;* kept by <@U0TARO>",
         "*a &lt;b&gt;* はずっと残します（<@U0TARO>）"),
        (Answer(AT, "U0TARO", "not_mine", "1"), "*a &lt;b&gt;*: not theirs, says <@U0TARO>; it goes to the channel",
         "*a &lt;b&gt;* は <@U0TARO> のものではありません: チャンネルに戻します"),
        (Answer(AT, "U0TARO", "not_mine", "1", owner="<!channel>"),
         "*a &lt;b&gt;*: not theirs, says <@U0TARO>; handed to &lt;!channel&gt;",
         "*a &lt;b&gt;* は <@U0TARO> のものではありません: &lt;!channel&gt; に渡します"),
    ],
)  # fmt: skip
def test_each_answer_reads_in_english_and_japanese_and_escapes_names(answer: Answer, en: str, ja: str) -> None:
    record = Resource(KEY, name="a <b>")
    assert line(record, answer) == en
    assert line(record, answer, "ja") == ja
    assert line(record, answer, "fr") == en


def test_both_languages_have_every_line() -> None:
    assert set(LINES["ja"]) == set(LINES["en"])


def test_a_user_id_that_is_not_one_is_shown_as_text_never_as_markup() -> None:
    assert line(Resource(KEY), Answer(AT, "<!here>", "keep", "1")) == "*i-0abc* kept by &lt;!here&gt;"


def test_a_message_without_the_keys_line_keeps_its_blocks_and_gets_the_line_appended() -> None:
    message = {"text": "digest", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "other"}}]}
    out = replaced(message, str(KEY), "new line")
    assert out["blocks"] == [*message["blocks"], {"type": "section", "text": {"type": "mrkdwn", "text": "new line"}}]
    assert out["replace_original"] is True
    assert out["text"] == "digest"
