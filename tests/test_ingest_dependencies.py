"""An ingest that meets a missing optional dependency names the package, never a traceback."""

import os
import subprocess
import sys
import textwrap

import pytest

from ingest.formats import ExtractionError, extract_html, missing_dependency
from tests.conftest import DATA

FORMATS = DATA / "formats"


@pytest.mark.parametrize(
    ("module", "package"),
    [
        ("lxml.html.clean", "lxml_html_clean"),
        ("lxml_html_clean", "lxml_html_clean"),
        ("lxml.etree", "lxml"),
        ("trafilatura", "trafilatura"),
        ("pypdf.errors", "pypdf"),
        ("somethingelse.sub", "somethingelse"),
    ],
)
def test_the_message_names_the_package_that_provides_the_module(module, package):
    error = missing_dependency(ModuleNotFoundError(f"No module named {module!r}", name=module), "x")
    assert f"pip install {package}" in str(error)


def test_html_extraction_without_trafilatura_is_an_extraction_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` now fails
    with pytest.raises(ExtractionError, match="pip install trafilatura"):
        extract_html(b"<html><body><p>text</p></body></html>")


# lxml 6 dropped the html_clean extra that brought lxml_html_clean; justext (under trafilatura)
# needs it. This hides it from a fresh interpreter, as on an install that lacks it.
BLOCKER = textwrap.dedent(
    """
    import sys
    from importlib.abc import MetaPathFinder

    class Missing(MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name in ("lxml_html_clean", "lxml.html.clean"):
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
            return None

    sys.meta_path.insert(0, Missing())
    """
)


@pytest.mark.integration
def test_cli_ingest_of_html_without_lxml_html_clean_names_the_package(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(BLOCKER)
    page = tmp_path / "hay-wain.html"
    page.write_bytes((FORMATS / "hay-wain.html").read_bytes())
    env = {
        **os.environ,
        "PYTHONPATH": str(blocker),
        "MUSEUM_QA_DATA_DIR": str(tmp_path / "data"),
        "HF_HUB_OFFLINE": "1",
    }
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli", "ingest", str(page), "--vetted-by", "Registrar"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert "pip install lxml_html_clean" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
