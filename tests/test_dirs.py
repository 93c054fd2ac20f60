"""Where reflect keeps things: paths given by the user are refused in one line when they cannot be meant."""

from __future__ import annotations

import os

import pytest


def test_an_empty_data_dir_is_refused_and_nothing_is_written_in_the_current_directory(reflect, tmp_path, monkeypatch):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    result = reflect("--data-dir", "", "log", "--company", "Acme", "--role", "Engineer", "--outcome", "rejected")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --data-dir is empty: give a directory (an empty path would mean the current one)"
    assert os.listdir(here) == []


@pytest.mark.parametrize("variable", ["REFLECT_DATA_DIR", "REFLECT_CACHE_DIR", "REFLECT_CONFIG"])
def test_an_unknown_user_in_a_directory_variable_is_one_line(reflect, monkeypatch, variable):
    monkeypatch.setenv(variable, "~nosuchuser-reflect/x")
    result = reflect("config") if variable == "REFLECT_CONFIG" else reflect("list")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {variable}: cannot expand '~nosuchuser-reflect/x': no such user's home directory"


def test_an_unknown_user_in_the_data_dir_option_is_one_line(reflect):
    result = reflect("--data-dir", "~nosuchuser-reflect/x", "list")
    assert result.exit_code == 2
    assert "no such user's home directory" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
