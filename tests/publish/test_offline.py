import zipfile
from pathlib import Path

import pytest

from generator.config.load import load
from generator.errors import BuildError
from generator.publish import offline
from generator.publish.offline import pack


def test_the_zip_is_the_same_bytes_twice_and_opens(tmp_path: Path):
    site = tmp_path / "site"
    (site / "guide").mkdir(parents=True)
    (site / "index.html").write_text("home")
    (site / "guide" / "faq.html").write_text("faq")
    (site / ".playbook-site").write_text("marker")
    first = pack(site, skip=(".playbook-site",)).read_bytes()
    (site / "index.html").touch()  # a newer time changes nothing
    second = pack(site, skip=(".playbook-site",)).read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "site.zip") as archive:
        assert archive.namelist() == ["site/guide/faq.html", "site/index.html"]
        assert archive.read("site/guide/faq.html") == b"faq"
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert not (tmp_path / "site.zip.tmp").exists()


def test_a_missing_polyfill_says_how_to_install_it(write_config, monkeypatch, tmp_path: Path):
    monkeypatch.setattr(offline, "PROJECT", tmp_path)
    playbook = load(write_config())
    with pytest.raises(BuildError, match=r"npm install iframe-worker@1"):
        offline.iframe_worker(playbook)
    shim = tmp_path / offline.SHIM
    shim.parent.mkdir(parents=True)
    shim.write_text("// shim")
    assert offline.iframe_worker(playbook) == shim
