"""The GitHub Pages workflow: valid, pinned, least privilege, and publishing only from main."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github/workflows/pages.yml"
SHIPPED = ROOT / "ikep_site/scaffold/new-site/_github/workflows/pages.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
# The official actions at the release commits the project pins; update workflow and test together.
KNOWN = {
    "actions/checkout": ("11bd71901bbe5b1630ceea73d27597364c9af683", "v4.2.2"),
    "actions/setup-python": ("a26af69be951a213d495a4c3e4e4022e16d87065", "v5.6.0"),
    "actions/upload-pages-artifact": ("56afc609e74202658d3ffba0e8f6dda462b719fa", "v3.0.1"),
    "actions/configure-pages": ("983d7736d9b0ae728b81ab479565c72886d7745b", "v5.0.0"),
    "actions/deploy-pages": ("d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e", "v4.0.5"),
}
NOT_ON_PULL_REQUESTS = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"


def tool(name: str) -> str:
    """A command installed with the test extra, from this interpreter's environment first."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which(name)
    assert found, f"{name} is missing: pip install -e '.[test]'"
    return found


def load() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert isinstance(on, dict)
    return on


@pytest.mark.parametrize("path", [WORKFLOW, SHIPPED], ids=["repository", "scaffold"])
def test_check_jsonschema_accepts_the_workflow(path: Path) -> None:
    done = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("path", [WORKFLOW, SHIPPED], ids=["repository", "scaffold"])
def test_zizmor_finds_nothing(path: Path) -> None:
    done = subprocess.run(
        [tool("zizmor"), "--offline", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_scaffold_ships_the_same_workflow() -> None:
    assert SHIPPED.read_bytes() == WORKFLOW.read_bytes()


def test_every_action_is_pinned_to_a_full_commit_with_its_version() -> None:
    lines = [line.strip() for line in WORKFLOW.read_text(encoding="utf-8").splitlines()]
    uses = [line for line in lines if re.match(r"^(- )?uses:", line)]
    steps = [step["uses"] for job in load()["jobs"].values() for step in job["steps"] if "uses" in step]
    assert len(uses) == len(steps) == len(KNOWN)
    for line in uses:
        reference, _, comment = line.split("uses:", 1)[1].partition("#")
        assert PINNED.match(reference.strip()), line
        action, _, sha = reference.strip().partition("@")
        assert KNOWN[action] == (sha, comment.strip()), line


def test_triggers() -> None:
    on = triggers(load())
    assert on["push"] == {"branches": ["main"]}
    assert "pull_request" in on
    assert "workflow_dispatch" in on
    assert len(on["schedule"]) == 1 and len(on["schedule"][0]["cron"].split()) == 5


def test_least_privilege() -> None:
    workflow = load()
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    checkout = next(step for step in jobs["build"]["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    assert checkout["with"]["fetch-depth"] == 0  # "last updated" dates from the whole history
    assert workflow["concurrency"]["group"]


def test_build_checks_then_builds_strictly_and_uploads_only_from_main() -> None:
    jobs = load()["jobs"]
    runs = [step.get("run", "") for step in jobs["build"]["steps"]]
    check = next(i for i, run in enumerate(runs) if run.startswith("ikep check"))
    build = next(i for i, run in enumerate(runs) if run.startswith("mkdocs build"))
    assert check < build
    assert "--strict" in runs[build].split() and "-q" not in runs[build].split()
    upload = next(step for step in jobs["build"]["steps"] if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["if"] == NOT_ON_PULL_REQUESTS
    deploy = jobs["deploy"]
    assert deploy["if"] == NOT_ON_PULL_REQUESTS
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert any("actions/deploy-pages@" in step.get("uses", "") for step in deploy["steps"])


def test_the_built_site_is_verified_and_audited_before_it_is_uploaded() -> None:
    steps = load()["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    build = next(i for i, run in enumerate(runs) if run.startswith("mkdocs build"))
    verify = next(i for i, run in enumerate(runs) if run.strip() == "ikep verify site/")
    audit = next(i for i, run in enumerate(runs) if run.strip() == "ikep audit site/")
    upload = next(i for i, step in enumerate(steps) if "upload-pages-artifact" in step.get("uses", ""))
    assert build < verify < audit < upload
    for index in (verify, audit):  # a failure must stop the publication
        assert "continue-on-error" not in steps[index] and "if" not in steps[index]
    install = next(run for run in runs if "pip install" in run)
    assert 'python -m pip install "playwright>=1.45"' in install.splitlines()
    assert "playwright install" not in WORKFLOW.read_text(encoding="utf-8")  # the runner's Chrome, nothing fetched


def test_the_audit_extra_matches_what_the_workflow_installs() -> None:
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert extras["audit"] == ["playwright>=1.45"]
    assert f'python -m pip install "{extras["audit"][0]}"' in WORKFLOW.read_text(encoding="utf-8")


def test_the_statement_may_say_the_pages_are_audited() -> None:
    """The plugin reads this workflow (the scaffold's is the same) to word the accessibility statement."""
    from ikep_site.checks.workflows import runs_audit

    assert runs_audit(ROOT)
