"""``manage.py score_facts``: facts in, breakdown JSON out; invalid facts exit 2, stdout empty."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[3]
A_FACTS = DATA / "A.facts.json"


def facts(name: str) -> dict:
    return json.loads((DATA / f"{name}.facts.json").read_text(encoding="utf-8"))


def run(*args, stdin: str | None = None) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    extra = {"stdin": io.StringIO(stdin)} if stdin is not None else {}
    call_command("score_facts", *args, stdout=out, stderr=err, **extra)
    return out.getvalue(), err.getvalue()


def refused(*args, stdin: str | None = None) -> tuple[CommandError, str]:
    out = io.StringIO()
    extra = {"stdin": io.StringIO(stdin)} if stdin is not None else {}
    with pytest.raises(CommandError) as error:
        call_command("score_facts", *args, stdout=out, stderr=io.StringIO(), **extra)
    return error.value, out.getvalue()


def test_a_facts_file_prints_its_breakdown():
    out, _ = run(str(A_FACTS))
    breakdown = json.loads(out)
    assert (breakdown["unit"], breakdown["round1"], breakdown["year"]) == (
        "Example A",
        "3.00",
        "5.00",
    )


def test_thai_text_is_printed_as_is_and_indented():
    out, _ = run(str(DATA / "B.facts.json"))
    assert "ช้ากว่ากำหนด" in out
    assert out.startswith('{\n  "unit"')


def test_an_array_of_facts_prints_an_array_of_breakdowns(tmp_path):
    path = tmp_path / "both.json"
    path.write_text(json.dumps([facts("A"), facts("B")], ensure_ascii=False), encoding="utf-8")
    out, _ = run(str(path))
    assert [b["year"] for b in json.loads(out)] == ["5.00", "2.95"]


def test_a_dash_reads_the_facts_from_standard_input():
    out, _ = run("-", stdin=A_FACTS.read_text(encoding="utf-8"))
    assert json.loads(out)["year"] == "5.00"


def test_invalid_facts_exit_2_naming_the_field_with_nothing_on_stdout():
    broken = facts("A")
    del broken["plans"]["due"]
    error, out = refused("-", stdin=json.dumps(broken))
    assert (error.returncode, out) == (2, "")
    assert str(error).startswith("plans.due: ")


def test_an_invalid_document_in_an_array_is_named_by_its_index_and_nothing_is_printed():
    broken = facts("B")
    broken["plans"]["kpis"][4]["target"] = "0"
    error, out = refused("-", stdin=json.dumps([facts("A"), broken]))
    assert (error.returncode, out) == (2, "")
    assert str(error).startswith("[1].plans.kpis[4].target: ")


@pytest.mark.parametrize("text", ["{", "", "[1, 2", '{"version": NaN}'])
def test_text_that_is_not_json_exits_2(text):
    error, out = refused("-", stdin=text)
    assert (error.returncode, out) == (2, "")
    assert "invalid JSON" in str(error)


def test_a_missing_file_exits_2(tmp_path):
    error, out = refused(str(tmp_path / "nowhere.json"))
    assert (error.returncode, out) == (2, "")


def manage(*args, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    return subprocess.run(
        [sys.executable, "manage.py", "score_facts", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )


def test_manage_py_prints_the_breakdown_and_exits_0():
    done = manage("-", stdin=A_FACTS.read_text(encoding="utf-8"))
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["round1"] == "3.00"


def test_manage_py_exits_2_with_the_field_on_stderr_and_nothing_on_stdout():
    broken = facts("A")
    broken["as_of"] = "2025-09-30T23:59:59"
    done = manage("-", stdin=json.dumps(broken))
    assert (done.returncode, done.stdout) == (2, "")
    assert "as_of: timestamp has no UTC offset" in done.stderr
