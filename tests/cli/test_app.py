"""The application itself: version and wiring."""

from importlib.metadata import version


def test_version_comes_from_the_package_metadata(reflect):
    assert reflect("--version").stdout.strip() == f"reflect {version('interview-reflect')}"
