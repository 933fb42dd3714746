"""The installed distribution ships every module, the web assets, the bundled pipeline and every word list."""

from __future__ import annotations

import json
import sysconfig
from importlib.metadata import distributions

import pytest
from conftest import ROOT

from lettercheck.nlp import BUNDLED_MODEL


def installed_lettercheck():
    """The lettercheck distribution in site-packages (not the egg-info a build leaves in the source tree)."""
    site = sysconfig.get_paths()["purelib"]
    return next((d for d in distributions(path=[site]) if d.metadata["Name"] == "lettercheck"), None)


def test_installed_package_ships_model_and_word_lists():
    dist = installed_lettercheck()
    if dist is None or json.loads(dist.read_text("direct_url.json") or "{}").get("dir_info", {}).get("editable"):
        pytest.skip("lettercheck is not installed in site-packages, or installed in editable mode")
    files = {str(path) for path in dist.files or []}
    model = {f"lettercheck/models/nl_lettercheck_sm/{path.relative_to(BUNDLED_MODEL)}"
             for path in BUNDLED_MODEL.rglob("*") if path.is_file()}
    lists = ROOT / "wordlists"
    wordlists = {f"lettercheck/wordlists/{path.relative_to(lists).as_posix()}" for path in lists.rglob("*")
                 if path.is_file()}
    package = ROOT / "lettercheck"
    modules = {f"lettercheck/{path.relative_to(package).as_posix()}" for path in package.rglob("*.py")
               if "__pycache__" not in path.parts}
    web = {f"lettercheck/{path.relative_to(package).as_posix()}" for path in (package / "web").rglob("*")
           if path.is_file() and "__pycache__" not in path.parts}
    assert model and wordlists and len(modules) > 40 and web
    assert model | wordlists | modules | web | {"lettercheck/data/zipf_nl.tsv"} <= files
