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
