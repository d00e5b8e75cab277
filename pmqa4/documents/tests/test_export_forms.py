"""`manage.py export_forms`: the files it writes (names and count) and the errors for bad
arguments, each a Thai message and a non-zero exit status."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pmqa4.documents.management.commands.export_forms import Command

pytestmark = pytest.mark.django_db


def export(tmp_path, *args):
    out = io.StringIO()
    call_command("export_forms", "--year", "2568", "--out", str(tmp_path), *args, stdout=out)
    return out.getvalue().splitlines()


def test_every_form_a_format_offers_for_each_unit(cast, cycle, tmp_path):
    printed = export(
        tmp_path, "--unit", "OPS-AAA", "--unit", "OPS-BBB", "--form", "all", "--format", "xlsx"
    )
    expected = [
        f"{code}_2568_{name}.xlsx"
        for code in ("OPS-AAA", "OPS-BBB")
        for name in ("form1", "form2", "form3", "roster")
    ]
    assert printed == [str(tmp_path / name) for name in expected]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(expected)
    assert all((tmp_path / name).read_bytes().startswith(b"PK") for name in expected)


def test_one_form_of_every_unit_in_arabic_numerals(cast, cycle, tmp_path):
    from pypdf import PdfReader

    printed = export(
        tmp_path, "--unit", "all", "--form", "1", "--format", "pdf", "--numerals", "arabic"
    )
    # Every unit taking part; not the central group (takes_part=False).
    assert [p.rsplit("/", 1)[1] for p in printed] == [
        "OPS-AAA_2568_form1.pdf",
        "OPS-BBB_2568_form1.pdf",
    ]
    text = PdfReader(tmp_path / "OPS-AAA_2568_form1.pdf").pages[0].extract_text()
    assert "2568" in text and "๒๕๖๘" not in text


def test_the_folder_is_created(cast, cycle, tmp_path):
    target = tmp_path / "new" / "folder"
    export(target, "--unit", "OPS-AAA", "--form", "roster", "--format", "docx")
    assert [p.name for p in target.iterdir()] == ["OPS-AAA_2568_roster.docx"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unit", "OPS-XYZ", "--form", "1", "--format", "pdf"], "ไม่พบหน่วยงานรหัส OPS-XYZ"),
        (["--unit", "OPS-AAA", "--form", "5", "--format", "pdf"], "ไม่มีแบบฟอร์ม “5”"),
        (["--unit", "OPS-AAA", "--form", "4", "--format", "xlsx"], "ไม่มีรูปแบบ Excel"),
        (["--unit", "OPS-AAA", "--form", "1", "--format", "odt"], "ไม่มีรูปแบบไฟล์ “odt”"),
        (
            ["--unit", "OPS-AAA", "--form", "1", "--format", "pdf", "--numerals", "x"],
            "เลขอารบิก",
        ),
    ],
)
def test_bad_arguments_are_refused_in_thai_and_write_nothing(cast, cycle, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        export(tmp_path, *args)
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_year_names_the_years_there_are(cast, cycle, tmp_path):
    with pytest.raises(CommandError, match=r"ไม่มีรอบปีงบประมาณ 2599 ในระบบ \(มี: 2568\)"):
        call_command(
            "export_forms", "--year", "2599", "--unit", "OPS-AAA", "--form", "1",
            "--format", "pdf", "--out", str(tmp_path),
        )  # fmt: skip


def test_from_the_command_line_an_error_exits_non_zero(cast, cycle, tmp_path, capsys):
    argv = ["manage.py", "export_forms", "--year", "2568", "--unit", "NOPE", "--form", "1"]
    with pytest.raises(SystemExit) as exit_:
        Command().run_from_argv([*argv, "--format", "pdf", "--out", str(tmp_path)])
    assert exit_.value.code == 1
    assert "ไม่พบหน่วยงานรหัส NOPE" in capsys.readouterr().err


def test_a_document_that_fails_is_reported_and_the_rest_written(cast, cycle, tmp_path, monkeypatch):
    from pmqa4.documents import service

    render = service.render_document

    def failing(unit, cycle, kind, fmt, numerals):
        if kind == "2":
            raise RuntimeError("แม่แบบเสียหาย")
        return render(unit, cycle, kind, fmt, numerals)

    monkeypatch.setattr(service, "render_document", failing)
    err = io.StringIO()
    with pytest.raises(CommandError, match="สร้างไฟล์ไม่สำเร็จ 1 ไฟล์"):
        call_command(
            "export_forms", "--year", "2568", "--unit", "OPS-AAA", "--form", "all",
            "--format", "xlsx", "--out", str(tmp_path), stderr=err,
        )  # fmt: skip
    assert "แม่แบบเสียหาย" in err.getvalue()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "OPS-AAA_2568_form1.xlsx",
        "OPS-AAA_2568_form3.xlsx",
        "OPS-AAA_2568_roster.xlsx",
    ]
