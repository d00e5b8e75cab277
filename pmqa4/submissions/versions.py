"""Two versions of a submission side by side: which entries were added, removed or changed.

Snapshots are nested JSON (lists of rows under a few keys). Rows are matched by their label,
code or position, then compared field by field, so a reviewer sees "2.1: ชื่อ changed" rather
than two walls of text.
"""

from dataclasses import dataclass

ROW_KEYS = ("label", "code", "activity", "full_name")


@dataclass(frozen=True)
class Change:
    section: str
    row: str
    kind: str  # added | removed | changed
    field: str = ""
    before: object = None
    after: object = None


def _row_key(row, index: int) -> str:
    if isinstance(row, dict):
        for key in ROW_KEYS:
            if row.get(key):
                return str(row[key])
    return f"#{index + 1}"


def compare_versions(older: dict, newer: dict) -> list[Change]:
    changes: list[Change] = []
    for section in sorted(set(older) | set(newer)):
        before, after = older.get(section), newer.get(section)
        if isinstance(before, list) or isinstance(after, list):
            changes.extend(_compare_rows(section, before or [], after or []))
        elif isinstance(before, dict) and isinstance(after, dict):
            changes.extend(_compare_rows(section, [before], [after]))
        elif before != after:
            changes.append(Change(section, "", "changed", section, before, after))
    return changes


def _compare_rows(section, before: list, after: list) -> list[Change]:
    old = {_row_key(row, i): row for i, row in enumerate(before)}
    new = {_row_key(row, i): row for i, row in enumerate(after)}
    changes = [Change(section, key, "removed") for key in old if key not in new]
    for key, row in new.items():
        if key not in old:
            changes.append(Change(section, key, "added"))
        elif row != old[key]:
            if isinstance(row, dict) and isinstance(old[key], dict):
                for field in sorted(set(row) | set(old[key])):
                    if row.get(field) != old[key].get(field):
                        changes.append(
                            Change(
                                section, key, "changed", field, old[key].get(field), row.get(field)
                            )
                        )
            else:
                changes.append(Change(section, key, "changed", "", old[key], row))
    return changes
