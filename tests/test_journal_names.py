"""File names: readable in any script, always a valid id, within what file systems allow."""

from hypothesis import given
from hypothesis import strategies as st

from reflect.journal import check_id, slug


def test_names_in_other_scripts_stay_readable():
    assert slug("Société Générale") == "societe-generale"
    assert slug("株式会社テスト") == "株式会社テスト"
    assert slug("🚀🚀") == "rocket-rocket"
    assert slug("Müller & Söhne GmbH") == "muller-sohne-gmbh"
    assert slug("Яндекс") == "яндекс"


@given(st.text(max_size=200))
def test_any_name_gives_a_short_valid_id(text):
    made = slug(text)
    assert made and check_id(made) == made
    assert len(made) <= 40 and len(made.encode("utf-8")) <= 60
    assert not made.startswith("-") and not made.endswith("-") and not made.startswith(".")
    assert slug(made) == made  # a slug is its own slug
