from reflect import fileformat
from reflect.models import Reflection


def test_windows_line_ends_in_text_survive_a_write_and_a_read():
    reflection = Reflection.model_validate(
        {"company": "Acme", "role": "Dev", "date": "2026-01-10", "went_wrong": ["first line\r\nsecond line"], "lessons": ["a\nb"]}
    )
    assert fileformat.loads(fileformat.dumps(reflection)) == reflection
