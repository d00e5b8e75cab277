"""Changing a cycle's dates and granting units extensions: the rules, and saves that never
overwrite someone else's change silently.

The forms call the same rule functions to explain bad input in Thai; the services check them
again inside the transaction, with the rows locked, because the stored dates (and the
extensions a due date must stay before) may have moved since the page was loaded. Every save
goes through the models, so django-auditlog records who changed what (models.py ``track``).
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Min
from django.utils.translation import gettext as _

from pmqa4.core.errors import WorkflowError
from pmqa4.core.fiscal import fiscal_year_bounds
from pmqa4.core.thai import format_be_date, thai_digits
from pmqa4.org.models import Unit, User
from pmqa4.teams.models import Meeting

from .models import ROUND_OF_STEP, Cycle, Round, Step, StepExtension

# Steps a unit submits by a due date, in the order their due dates must keep; step 2 is the
# year's attendance, counted up to its date, and has no due date to extend.
SUBMITTED_STEPS = (1, 3, 4, 5)
ROUNDS = (1, 2)


def _long(day: dt.date) -> str:
    return format_be_date(day, "long")


def step_name(number: int) -> str:
    return _("ขั้นตอนที่ %(number)s") % {"number": thai_digits(number)}


# The cycle's dates ---------------------------------------------------------------------------


def date_keys(steps: list[Step]) -> list[str]:
    """The form's field names, which are also the keys of a snapshot of the stored dates."""
    keys = ["starts_on", "ends_on"]
    for step in steps:
        keys += [f"step_{step.number}_opens_on", f"step_{step.number}_due_on"]
    return keys + [f"round_{number}_assessed_on" for number in ROUNDS]


def date_label(key: str) -> str:
    if key == "starts_on":
        return _("วันเริ่มต้นรอบปี")
    if key == "ends_on":
        return _("วันสิ้นสุดรอบปี")
    kind, number, name = key.split("_", 2)
    if kind == "round":
        return _("วันประเมินรอบที่ %(number)s") % {"number": number}
    what = _("เปิดรับตั้งแต่") if name == "opens_on" else _("กำหนดส่ง")
    return f"{step_name(int(number))}: {what}"


def stored_dates(cycle: Cycle, steps: list[Step], rounds: list[Round]) -> dict[str, dt.date | None]:
    values: dict[str, dt.date | None] = {"starts_on": cycle.starts_on, "ends_on": cycle.ends_on}
    for step in steps:
        values[f"step_{step.number}_opens_on"] = step.opens_on
        values[f"step_{step.number}_due_on"] = step.due_on
    found = {round_.number: round_.assessed_on for round_ in rounds}
    for number in ROUNDS:
        values[f"round_{number}_assessed_on"] = found.get(number)
    return values


def snapshot(values: dict[str, dt.date | None]) -> dict[str, str]:
    """The dates as the page carries them (hidden), to tell later whether they moved."""
    return {key: day.isoformat() if day else "" for key, day in values.items()}


@dataclass(frozen=True)
class Context:
    """What the date rules read besides the dates themselves."""

    fiscal_year: int
    extensions: list[StepExtension]  # with their units
    meetings: tuple[dt.date | None, dt.date | None]  # the first and last meeting day


def rule_context(cycle: Cycle) -> Context:
    extensions = list(
        StepExtension.objects.filter(step__cycle=cycle).select_related("unit", "step")
    )
    span = Meeting.objects.filter(cycle=cycle).aggregate(first=Min("held_on"), last=Max("held_on"))
    return Context(cycle.fiscal_year, extensions, (span["first"], span["last"]))


def date_refusals(values: dict[str, dt.date | None], context: Context) -> dict[str, list[str]]:
    """Field name → Thai messages for dates that break a rule; a missing date is the form's
    own error, so rules that need it are skipped."""
    errors: dict[str, list[str]] = {}

    def refuse(key, message):
        errors.setdefault(key, []).append(message)

    first, last = fiscal_year_bounds(context.fiscal_year)
    year = {"year": context.fiscal_year, "first": _long(first), "last": _long(last)}
    starts, ends = values.get("starts_on"), values.get("ends_on")
    for key in ("starts_on", "ends_on"):
        day = values.get(key)
        if day and not first <= day <= last:
            refuse(key, _("ต้องอยู่ในปีงบประมาณ พ.ศ. %(year)s (%(first)s – %(last)s)") % year)
    if starts and ends and starts >= ends:
        refuse("ends_on", _("วันสิ้นสุดรอบปีต้องอยู่หลังวันเริ่มต้น"))
    early, late = context.meetings
    if starts and early and early < starts:
        refuse(
            "starts_on",
            _("มีการประชุม/กิจกรรมวันที่ %(day)s ก่อนวันเริ่มต้นนี้ กรุณาย้ายการประชุมก่อน") % {"day": _long(early)},
        )
    if ends and late and late > ends:
        refuse(
            "ends_on",
            _("มีการประชุม/กิจกรรมวันที่ %(day)s หลังวันสิ้นสุดนี้ กรุณาย้ายการประชุมก่อน") % {"day": _long(late)},
        )
    # Everything else must fall within the cycle as it will be (or the fiscal year if unknown).
    low = starts if starts and first <= starts <= last else first
    high = ends if ends and first <= ends <= last else last
    inside = {"first": _long(low), "last": _long(high)}
    dues = {}
    for key, day in values.items():
        if not key.startswith("step_") or day is None:
            continue
        if not low <= day <= high:
            refuse(key, _("ต้องอยู่ภายในรอบปี (%(first)s – %(last)s)") % inside)
        if key.endswith("_due_on"):
            dues[int(key.split("_")[1])] = day
    for number, due in dues.items():
        opens = values.get(f"step_{number}_opens_on")
        if opens and opens > due:
            refuse(
                f"step_{number}_opens_on",
                _("วันเปิดรับต้องไม่หลังกำหนดส่ง (%(day)s)") % {"day": _long(due)},
            )
    order = [n for n in SUBMITTED_STEPS if n in dues]
    for before, after in zip(order, order[1:], strict=False):
        if dues[after] < dues[before]:
            refuse(
                f"step_{after}_due_on",
                _("กำหนดส่ง%(later)sต้องไม่ก่อนกำหนดส่ง%(earlier)s (%(day)s)")
                % {
                    "later": step_name(after),
                    "earlier": step_name(before),
                    "day": _long(dues[before]),
                },
            )
    for extension in context.extensions:
        due = dues.get(extension.step.number)
        if due and extension.due_on <= due:
            refuse(
                f"step_{extension.step.number}_due_on",
                _("%(unit)s ได้รับขยายกำหนดส่งถึง %(day)s กำหนดส่งของรอบปีต้องก่อนวันนั้น หรือยกเลิกการขยายก่อน")
                % {"unit": extension.unit.code, "day": _long(extension.due_on)},
            )
    assessed = {n: values.get(f"round_{n}_assessed_on") for n in ROUNDS}
    for number, day in assessed.items():
        key = f"round_{number}_assessed_on"
        if day is None:
            continue
        if not low <= day <= high:
            refuse(key, _("ต้องอยู่ภายในรอบปี (%(first)s – %(last)s)") % inside)
        for step_number in SUBMITTED_STEPS:
            due = dues.get(step_number)
            if ROUND_OF_STEP[step_number] == number and due and day < due:
                refuse(
                    key,
                    _("วันประเมินต้องไม่ก่อนกำหนดส่ง%(step)s (%(day)s)")
                    % {"step": step_name(step_number), "day": _long(due)},
                )
        for extension in context.extensions:
            if extension.step.round_number == number and extension.due_on > day:
                refuse(
                    key,
                    _("%(unit)s ได้รับขยายกำหนดส่ง%(step)sถึง %(day)s วันประเมินต้องไม่ก่อนวันนั้น")
                    % {
                        "unit": extension.unit.code,
                        "step": step_name(extension.step.number),
                        "day": _long(extension.due_on),
                    },
                )
    if assessed[1] and assessed[2] and assessed[2] <= assessed[1]:
        refuse("round_2_assessed_on", _("วันประเมินรอบที่ 2 ต้องอยู่หลังรอบที่ 1"))
    return errors


class DatesChanged(WorkflowError):
    """Someone saved the cycle's dates since this editor loaded the page (HTTP 409)."""

    def __init__(self, changes: list[tuple[str, str, str]], current: dict[str, str]):
        super().__init__(
            _("มีผู้อื่นบันทึกวันที่ของรอบปีนี้ไปก่อนแล้ว ข้อมูลของท่านยังไม่ถูกบันทึก กรุณาตรวจสอบแล้วบันทึกอีกครั้ง")
        )
        self.changes = changes  # (label, what the editor saw, what is stored now)
        self.current = current  # the snapshot now stored, for the page's next attempt


def _shown(iso: str | None) -> str:
    return _long(dt.date.fromisoformat(iso)) if iso else _("(ไม่ระบุ)")


@transaction.atomic
def cycle_dates_update(*, cycle: Cycle, values: dict[str, dt.date | None], seen: dict) -> list[str]:
    """Save the dates that changed; returns their labels. Refuses with DatesChanged when the
    stored dates are no longer those the editor saw, and ValidationError when a rule fails
    against what is stored now."""
    locked = Cycle.objects.select_for_update().get(pk=cycle.pk)
    steps = list(Step.objects.select_for_update().filter(cycle=locked).order_by("number"))
    rounds = {r.number: r for r in Round.objects.select_for_update().filter(cycle=locked)}
    current = snapshot(stored_dates(locked, steps, list(rounds.values())))
    moved = [
        (date_label(key), _shown(seen.get(key)), _shown(now))
        for key, now in current.items()
        if seen.get(key) != now
    ]
    if moved:
        raise DatesChanged(moved, current)
    refusals = date_refusals(values, rule_context(locked))
    if refusals:
        raise ValidationError(refusals)
    changed = []
    fields = [name for name in ("starts_on", "ends_on") if getattr(locked, name) != values[name]]
    if fields:
        for name in fields:
            setattr(locked, name, values[name])
        locked.save(update_fields=[*fields, "updated_at"])
        changed += [date_label(name) for name in fields]
    for step in steps:
        keys = {name: f"step_{step.number}_{name}" for name in ("opens_on", "due_on")}
        fields = [name for name, key in keys.items() if getattr(step, name) != values[key]]
        if fields:
            for name in fields:
                setattr(step, name, values[keys[name]])
            step.save(update_fields=[*fields, "updated_at"])
            changed += [date_label(keys[name]) for name in fields]
    for number in ROUNDS:
        day = values[f"round_{number}_assessed_on"]
        round_ = rounds.get(number)
        if round_ is None:
            Round.objects.create(cycle=locked, number=number, assessed_on=day)
        elif round_.assessed_on != day:
            round_.assessed_on = day
            round_.save(update_fields=["assessed_on", "updated_at"])
        else:
            continue
        changed.append(date_label(f"round_{number}_assessed_on"))
    return changed


# Extensions ----------------------------------------------------------------------------------


def extension_refusal(step: Step, due_on: dt.date) -> str | None:
    """An extension moves a unit's due date later, but not past what is assessed: the end of
    the fiscal year (scoring counts work sent by then) and the step's round."""
    if step.number not in SUBMITTED_STEPS:
        return _("ขั้นตอนที่ ๒ นับจากการเข้าร่วมประชุม/กิจกรรมตลอดปี จึงไม่มีกำหนดส่งให้ขยาย")
    if due_on <= step.due_on:
        return _("กำหนดส่งใหม่ต้องอยู่หลังกำหนดส่งเดิม (%(day)s)") % {"day": _long(step.due_on)}
    cycle = step.cycle
    if due_on > cycle.ends_on:
        return _("กำหนดส่งใหม่ต้องไม่เกินวันสิ้นสุดรอบปี (%(day)s) เพราะการประเมินนับเฉพาะงานที่ส่งภายในรอบปี") % {
            "day": _long(cycle.ends_on)
        }
    assessed = next((r for r in cycle.rounds.all() if r.number == step.round_number), None)
    if assessed and due_on > assessed.assessed_on:
        return _("กำหนดส่งใหม่ต้องไม่เกินวันประเมินรอบที่ %(number)s (%(day)s)") % {
            "number": assessed.number,
            "day": _long(assessed.assessed_on),
        }
    return None


def extension_stamp(extension: StepExtension) -> str:
    """The version of an extension a page was loaded at: when it was last saved."""
    return extension.updated_at.isoformat()


class ExtensionChanged(WorkflowError):
    """The extension was changed or revoked since this editor loaded the page (HTTP 409)."""

    def __init__(self, current: StepExtension | None):
        if current is None:
            message = _("การขยายกำหนดส่งนี้ถูกยกเลิกไปแล้ว ไม่มีการเปลี่ยนแปลงใดถูกบันทึก")
        else:
            message = _(
                "มีผู้อื่นแก้ไขการขยายกำหนดส่งนี้ไปก่อนแล้ว (ขณะนี้: ถึง %(day)s เหตุผล: %(reason)s) "
                "ข้อมูลของท่านยังไม่ถูกบันทึก กรุณาตรวจสอบแล้วบันทึกอีกครั้ง"
            ) % {"day": _long(current.due_on), "reason": current.reason}
        super().__init__(message)
        self.current = current


def _refuse(step: Step, due_on: dt.date) -> None:
    refusal = extension_refusal(step, due_on)
    if refusal:
        raise ValidationError({"due_on": refusal})


@transaction.atomic
def extension_grant(
    *, step: Step, unit: Unit, due_on: dt.date, reason: str, actor: User
) -> StepExtension:
    Step.objects.select_for_update().filter(pk=step.pk).first()  # one grant per step at a time
    _refuse(step, due_on)
    if StepExtension.objects.filter(step=step, unit=unit).exists():
        raise WorkflowError(
            _("%(unit)s ได้รับขยายกำหนดส่ง%(step)sแล้ว กรุณาแก้ไขรายการเดิม")
            % {"unit": unit.code, "step": step_name(step.number)}
        )
    try:
        with transaction.atomic():
            return StepExtension.objects.create(
                step=step, unit=unit, due_on=due_on, reason=reason, granted_by=actor
            )
    except IntegrityError:  # granted in another session a moment ago
        raise WorkflowError(
            _("%(unit)s ได้รับขยายกำหนดส่ง%(step)sแล้ว กรุณาแก้ไขรายการเดิม")
            % {"unit": unit.code, "step": step_name(step.number)}
        ) from None


def _locked(extension: StepExtension, seen: str) -> StepExtension:
    current = (
        StepExtension.objects.select_for_update()
        .select_related("step__cycle", "unit")
        .filter(pk=extension.pk)
        .first()
    )
    if current is None or extension_stamp(current) != seen:
        raise ExtensionChanged(current)
    return current


@transaction.atomic
def extension_update(
    *, extension: StepExtension, due_on: dt.date, reason: str, actor: User, seen: str
) -> StepExtension:
    """A new date or reason; the person who saves it becomes the one who granted it."""
    current = _locked(extension, seen)
    _refuse(current.step, due_on)
    if (current.due_on, current.reason) == (due_on, reason):
        return current
    current.due_on, current.reason, current.granted_by = due_on, reason, actor
    current.save(update_fields=["due_on", "reason", "granted_by", "updated_at"])
    return current


@transaction.atomic
def extension_revoke(*, extension: StepExtension, seen: str) -> StepExtension:
    """The unit is back on the cycle's due date; the audit trail keeps what was granted."""
    current = _locked(extension, seen)
    current.delete()
    return current
