"""The deploy workflow: actionlint finds nothing, and it runs the README's commands."""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def _actionlint() -> str:
    found = Path(sys.executable).parent / "actionlint"
    return str(found) if found.exists() else shutil.which("actionlint")


def test_actionlint_reports_nothing():
    result = subprocess.run([_actionlint(), "-no-color", str(WORKFLOW)], capture_output=True, text=True)
    assert result.stdout == ""
    assert result.returncode == 0


def test_workflow_runs_the_readme_commands_with_least_privilege():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert flow["permissions"] == {"contents": "read"}
    test_steps = [s.get("run", "") for s in flow["jobs"]["test"]["steps"]]
    deploy = flow["jobs"]["deploy"]
    deploy_steps = [s.get("run", "") for s in deploy["steps"]]
    assert "make test" in test_steps and "make test" in readme
    assert "make site" in deploy_steps and "make site" in readme
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert deploy["concurrency"]["cancel-in-progress"] is False
    uses = [s["uses"] for job in flow["jobs"].values() for s in job["steps"] if "uses" in s]
    assert {u.split("@")[0] for u in uses} >= {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"}
    for u in uses:  # every action pinned to a full commit
        ref = u.split("@")[1]
        assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), u
