import pytest

from reflect import fileformat
from reflect.models import Reflection


def test_windows_line_ends_in_text_survive_a_write_and_a_read():
    reflection = Reflection.model_validate(
        {"company": "Acme", "role": "Dev", "date": "2026-01-10", "went_wrong": ["first line\r\nsecond line"], "lessons": ["a\nb"]}
    )
    assert fileformat.loads(fileformat.dumps(reflection)) == reflection


@pytest.mark.parametrize(
    ("text", "field", "says"),
    [
        ('company = "A"\nrole = "B"\ndate = 2026-02-31\n', "date", "Invalid date or datetime (at line 3"),
        ('company = "A"\ncompany = "B"\n', "company", "a key given twice"),
        ('company = "A"\n[feedback]\ntext = broken\n', "feedback.text", "Invalid value (at line 3"),
        ('[oops\n', "", "at the end of a table declaration"),
    ],
)
def test_a_toml_error_names_the_key_of_its_line(text, field, says):
    from reflect.errors import InvalidReflection
    from reflect.fileformat import parse_toml

    with pytest.raises(InvalidReflection) as raised:
        parse_toml(text)
    (problem,) = raised.value.problems
    assert problem.field == field and says in problem.message
