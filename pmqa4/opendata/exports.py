"""A dataset as CSV (UTF-8 with a BOM, every cell through ``safe_cell``) or as JSON with its
metadata, in the manner of data.go.th: title, description, publisher, licence, language,
update frequency, last modified, fiscal year, the columns, then the records.

Values are written the same way in both: true/false, decimals with a dot, dates and times in
ISO 8601 at Bangkok time, lists joined with ";" (already in the rows), an empty cell / null for
nothing. Downloads are always in Thai, whatever language the visitor reads the pages in.
"""

import csv
import datetime as dt
import io
import json
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from pmqa4.core.spreadsheet_safety import safe_cell

from .catalog import TYPE_LABELS, Dataset, license_info, publisher

BOM = "\ufeff"
METADATA_VERSION = 1


def _moment(value: dt.datetime) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds")


def csv_value(value):
    if isinstance(value, bool):
        return safe_cell("true" if value else "false")
    if isinstance(value, dt.datetime):
        return safe_cell(_moment(value))
    return safe_cell(value)


def json_value(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.datetime):
        return _moment(value)
    return value


def to_csv(dataset: Dataset, rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(name) for name in dataset.header])
    for row in rows:
        writer.writerow([csv_value(row.get(name)) for name in dataset.header])
    return (BOM + out.getvalue()).encode("utf-8")


def filename(dataset: Dataset, fiscal_year: int, fmt: str) -> str:
    return f"pmqa4_{fiscal_year}_{dataset.name}.{fmt}"


def metadata(dataset: Dataset, cycle, *, count: int, last_modified, request=None) -> dict:
    """The dataset's description: what data.go.th's catalogue asks of a dataset."""

    def url(name, *args):
        path = reverse(name, args=args)
        return request.build_absolute_uri(path) if request is not None else path

    with override("th"):
        year = cycle.fiscal_year
        return {
            "metadata_version": METADATA_VERSION,
            "name": f"pmqa4-{year}-{dataset.name.replace('_', '-')}",
            "dataset": dataset.name,
            "title": f"{dataset.title} ปีงบประมาณ พ.ศ. {year}",
            "description": str(dataset.description),
            "publisher": publisher(),
            "license": license_info(),
            "language": "th",
            "update_frequency": "รายปี (เมื่อเผยแพร่ผลคะแนน)",
            "fiscal_year": year,
            "last_modified": _moment(last_modified) if last_modified else None,
            "published": last_modified is not None,
            "record_count": count,
            "encoding": "UTF-8",
            "dictionary_url": url("opendata:dictionary") + f"#{dataset.name}",
            "distribution": {
                fmt: url("opendata:download", year, dataset.name, fmt) for fmt in ("csv", "json")
            },
            "columns": [
                {
                    "name": c.name,
                    "type": c.type,
                    "type_label": str(TYPE_LABELS[c.type]),
                    "description": str(c.description),
                    "example": json_value(c.example),
                }
                for c in dataset.columns
            ],
        }


def to_json(dataset: Dataset, rows: list[dict], meta: dict) -> bytes:
    document = {
        "metadata": meta,
        "records": [{name: json_value(row.get(name)) for name in dataset.header} for row in rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
