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
    install_command = re.findall(r"```bash\n(.*?)\n```", readme, re.S)[0]
    assert install_command.startswith("scripts/install.sh && ")
    assert "\n  scripts/install.sh\n" in (ROOT / ".ci" / "run").read_text()
    script = (ROOT / "scripts" / "install.sh").read_text()
    assert '-c constraints.txt -r "$LOCK"' in script and "LOCK=requirements.lock" in script
    assert "torch==" in (ROOT / "constraints.txt").read_text()


def test_the_default_llama_build_is_portable():
    # A -march=native build segfaults on CPUs with AMX and dies on older CPUs.
    script = (ROOT / "scripts" / "install.sh").read_text()
    default = re.search(r"LLAMA_BUILD:-(\w+)", script)
    assert default is not None and default.group(1) == "portable"
    portable = re.search(r'^PORTABLE="([^"]+)"', script, re.M)
    assert portable is not None and "-DGGML_NATIVE=OFF" in portable.group(1)
    assert "AMX" not in portable.group(1) and "AVX512" not in portable.group(1)
    # A wheel pip cached from an earlier build (native, say) is never reused silently.
    assert "--no-cache-dir" in script


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_the_lock_pins_every_declared_dependency():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = list(project["dependencies"])
    for extra in ("dev", "postgres"):
        declared += project["optional-dependencies"][extra]
    lock = (ROOT / "requirements.lock").read_text()
    pinned = {
        _name(line): line.split("==", 1)[1]
        for line in lock.splitlines()
        if "==" in line and not line.startswith((" ", "#"))
    }
    missing = {_name(d) for d in declared} - set(pinned) - {"torch"}
    assert not missing, f"not in requirements.lock (run scripts/lock.sh): {sorted(missing)}"
    # torch stays with constraints.txt's CPU pin; PyPI's metadata would add CUDA packages.
    assert "torch" not in pinned
    assert not [name for name in pinned if name.startswith("nvidia-")]
