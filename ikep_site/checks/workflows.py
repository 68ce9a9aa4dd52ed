"""Whether a site's GitHub workflow runs `ikep audit`: only then may the statement say so.

The accessibility statement is a legal text; it says every page is checked automatically on
publication only where a workflow beside mkdocs.yml really does it, in a step that stops the
publication when it fails.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Final

import yaml

WORKFLOWS: Final = Path(".github") / "workflows"
_AUDIT_COMMAND: Final = re.compile(r"(?:^|[\s;&|(])ikep\s+audit(?:\s|$)")


def runs_audit(root: Path) -> bool:
    """True when a workflow in `root`/.github/workflows has a step that runs `ikep audit`."""
    folder = root / WORKFLOWS
    if not folder.is_dir():
        return False
    for path in sorted(folder.iterdir()):
        if path.suffix in (".yml", ".yaml") and path.is_file() and _workflow_runs_audit(path):
            return True
    return False


def _workflow_runs_audit(path: Path) -> bool:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False  # a workflow GitHub cannot read runs nothing
    jobs = data.get("jobs") if isinstance(data, dict) else None
    if not isinstance(jobs, dict):
        return False
    return any(_job_runs_audit(job) for job in jobs.values())


def _job_runs_audit(job: Any) -> bool:
    if not isinstance(job, dict) or _may_fail(job) or not isinstance(job.get("steps"), list):
        return False
    return any(isinstance(step, dict) and not _may_fail(step) and _runs(step.get("run")) for step in job["steps"])


def _may_fail(item: dict[str, Any]) -> bool:
    """A step or job whose failure does not stop the run checks nothing that counts."""
    return item.get("continue-on-error") not in (None, False) or item.get("if") is False


def _runs(script: Any) -> bool:
    if not isinstance(script, str):
        return False
    # A mention after "#" is a comment, not a command.
    return any(_AUDIT_COMMAND.search(line.split("#", 1)[0]) for line in script.splitlines())
