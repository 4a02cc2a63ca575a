"""Doc-drift checks: README and CI must promise the same commands."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, re.S)
    test_command = blocks[1].strip()
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert test_command in ci_lines


def test_ci_installs_what_the_readme_installs():
    readme = (ROOT / "README.md").read_text()
    assert "pip install -c constraints.txt -e '.[dev]'" in readme
    assert "-c constraints.txt -e '.[dev]'" in (ROOT / ".ci" / "run").read_text()
    assert "torch==" in (ROOT / "constraints.txt").read_text()
