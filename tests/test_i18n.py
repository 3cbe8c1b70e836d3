import re
import string

import pytest

from sqtool.i18n import Translator, catalogue, text
from sqtool.settings import lang_from_locale


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_both_languages_with_the_same_placeholders():
    for key, texts in catalogue().items():
        assert set(texts) == {"en", "zh"}, key
        assert texts["en"].strip() and texts["zh"].strip(), key
        assert placeholders(texts["en"]) == placeholders(texts["zh"]), key


def test_chinese_texts_are_chinese():
    for key, texts in catalogue().items():
        if re.search(r"[A-Za-z]{4,}", texts["en"]) and key != "core.error_prefix":
            assert texts["zh"] != texts["en"], f"{key} is not translated"


def test_translator_formats_arguments():
    tr = Translator("zh")
    assert "--debug" in tr("core.internal_error", error="X")
    assert text("core.error_prefix", "en") == "error"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "", "LANG": "en_GB.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
    ],
)
def test_language_comes_from_the_locale(environ, expected):
    assert lang_from_locale(environ) == expected


@pytest.mark.parametrize(
    ("lang", "messages", "measured", "expected"),
    [
        ("en", 1, 1, "opinion leader Kai: 1 message drew 1 distinct responder (a leader draws 3)"),
        ("en", 14, 2, "opinion leader Kai: 14 messages drew 2 distinct responders (a leader draws 3)"),
        ("en", 0, 0, "opinion leader Kai: 0 messages drew 0 distinct responders (a leader draws 3)"),
        ("zh", 1, 1, "意见领袖「Kai」发言 1 条，只有 1 位不同成员回应（意见领袖应有 3 位）"),
        ("zh", 14, 2, "意见领袖「Kai」发言 14 条，只有 2 位不同成员回应（意见领袖应有 3 位）"),
    ],
)
def test_a_count_takes_the_english_form_it_asks_for(lang, messages, measured, expected):
    """SQ805 said "1 distinct responders": the noun's form follows the count in English, and Chinese
    (whose nouns do not inflect) reads as it did."""
    assert text("audit.drift.SQ805", lang, subject="Kai", messages=messages, measured=measured, planned=3) == expected


def test_a_count_written_out_or_as_a_float_still_picks_its_form():
    tr = Translator("en")
    assert tr("fs.too_large", size="1", limit="1,000") == "the file is 1 byte, over the limit of 1,000 bytes"
    assert tr("audit.report_title", first="a", last="b", days=1.0) == "Community audit a to b (1.0 day)"
    assert tr("audit.report_title", first="a", last="b", days=30) == "Community audit a to b (30 days)"
    assert tr("portfolio.saved_failed", count=1) == "1 failed group was not saved"
    assert tr("portfolio.saved_failed", count=2) == "2 failed groups were not saved"


PLURAL = re.compile(r"\{(\w+):([^{}]*)\}")


def test_no_english_count_is_left_with_an_s_in_brackets():
    """A count next to a noun names both forms ({n:day|days}), never "day(s)"; a plural placeholder
    names exactly two forms, and the Chinese text takes the count plain."""
    for key, texts in catalogue().items():
        assert not re.search(r"\{\w+\}[^{}.;:]{0,30}\((?:s|es)\)", texts["en"]), key
        for name, spec in PLURAL.findall(texts["en"]):
            if "|" in spec:
                assert spec.count("|") == 1 and all(spec.split("|")), key
                assert "{" + name + "}" in texts["zh"], key
