"""A word's letters include the marks joined to them (the vowel signs of Hindi or Thai,
Arabic's short vowels), wherever a word is read: @mentions, #tags, words searched for
(nu257: '@अनुष्का' was read as '@अन', '#मंदिर' as '#म')."""

from __future__ import annotations

import re
import unicodedata

from planner_tui import letters
from planner_tui.journal_search import mentions_in, parse_terms
from planner_tui.services.journal import tags_in

from .test_names import P


def test_the_marks_written_out_are_unicodes() -> None:
    ranges = re.findall(r"(.)(?:-(.))?", letters.MARKS, re.DOTALL)
    written = {point for a, b in ranges for point in range(ord(a), ord(b or a) + 1)}
    assert all(unicodedata.category(chr(point)).startswith("M") for point in written)
    if unicodedata.unidata_version == letters.UNICODE_VERSION:  # (a later one adds marks)
        assert [(ord(a), ord(b or a)) for a, b in ranges] == letters.marks_in_unicode()


def test_a_word_with_marks_is_one_word_everywhere_it_is_read() -> None:
    anushka, somchai = P(1, "अनुष्का"), P(2, "สมชาย")
    found, unknown = mentions_in("@अनुष्का के साथ मंदिर गए, @สมชาย too", [anushka, somchai])
    assert (found, unknown) == ([1, 2], [])
    assert tags_in("गए #मंदिर #مَرْيَم") == ["मंदिर", "مَرْيَم"]
    assert parse_terms("मंदिर -अनुष्का") == ([["मंदिर"]], ["अनुष्का"])


def test_an_at_name_in_a_script_without_spaces_is_the_name_it_begins_with() -> None:
    """In Chinese, Japanese or Thai, words run on without spaces: "和@王小明一起吃饺子" linked
    no one and said nothing, and "@さくら来了" was "no one on your map" (nu257). The
    longest name it begins with is the one; a Latin name still has to be whole."""
    cast = [P(1, "王小明"), P(2, "さくら"), P(3, "王小"), P(4, "Ana"), P(5, "สมชาย")]
    assert mentions_in("和@王小明一起吃饺子", cast) == ([1], [])
    assert mentions_in("@王小明、@さくら来了", cast) == ([1, 2], [])
    assert mentions_in("ไปกับ@สมชายวันนี้", cast) == ([5], [])
    assert mentions_in("@Anabelle came", cast) == ([], ["Anabelle"])
    assert mentions_in("mail a@b.example", cast) == ([], [])  # an address is no mention
