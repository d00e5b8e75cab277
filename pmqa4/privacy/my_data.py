"""A person's own data, for the data subject's right of access (PDPA section 30), as JSON.

Only records about or made by the person asking are included. Audit entries they made carry
the record's kind and the names of the fields changed, not the values: a coordinator's entries
hold team members' phone numbers, which are other people's data. Changes to their own user
account are shown in full.
"""

import datetime as dt

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from pmqa4.audit.filters import ACTION_LABELS
from pmqa4.org.models import RoleGrant, User
from pmqa4.plans.models import KpiActual, KpiSheet
from pmqa4.reports.models import ResultsReport
from pmqa4.submissions.models import SignOff
from pmqa4.teams.models import Attendance, TeamMember

from .models import AccessLog


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


# Never handed out, even to the account's owner: the password hash is a credential.
SECRET_USER_FIELDS = frozenset({"password"})


def _user(user: User) -> dict:
    """Every column of the account (a field added later is included without a change here)."""
    data = {}
    for model_field in User._meta.concrete_fields:
        if model_field.name in SECRET_USER_FIELDS:
            continue
        value = getattr(user, model_field.attname)
        data[model_field.name] = _iso(value) if isinstance(value, dt.datetime) else value
    data["unit_code"] = user.unit.code if user.unit_id else None
    data["unit_name"] = user.unit.name_th if user.unit_id else None
    return data


def memberships_of(user: User):
    """Team-member rows that are this person: linked to their account, or with their e-mail."""
    condition = Q(user=user)
    if user.email.strip():
        condition |= Q(email__iexact=user.email.strip())
    return TeamMember.objects.filter(condition).select_related("roster__unit", "roster__cycle")


def _kpi_contacts(user: User) -> list[dict]:
    email = user.email.strip()
    if not email:
        return []
    rows = []
    sheets = KpiSheet.objects.filter(
        Q(supervisor_email__iexact=email) | Q(collector_email__iexact=email)
    ).select_related("kpi__unit", "kpi__cycle")
    for sheet in sheets:
        for role in ("supervisor", "collector"):
            if getattr(sheet, f"{role}_email").strip().lower() == email.lower():
                rows.append(
                    {
                        "as": role,
                        "unit": sheet.kpi.unit.code,
                        "fiscal_year": sheet.kpi.cycle.fiscal_year,
                        "kpi": sheet.kpi.code,
                        "name": getattr(sheet, f"{role}_name"),
                        "phone": getattr(sheet, f"{role}_phone"),
                        "email": getattr(sheet, f"{role}_email"),
                    }
                )
    return rows


def _audit(user: User) -> list[dict]:
    user_type = ContentType.objects.get_for_model(User)
    own_account = Q(content_type=user_type, object_id=user.pk)
    entries = (
        LogEntry.objects.filter(Q(actor=user) | own_account)
        .select_related("content_type")
        .order_by("-timestamp")
    )
    rows = []
    for entry in entries:
        about_me = entry.content_type_id == user_type.pk and entry.object_id == user.pk
        model = entry.content_type.model_class()
        changes = entry.changes or {}
        row = {
            "at": _iso(entry.timestamp),
            "action": str(ACTION_LABELS.get(entry.action, entry.get_action_display())),
            "kind": str(model._meta.verbose_name) if model else entry.content_type.model,
            "object_id": entry.object_pk,
            "by_me": entry.actor_id == user.pk,
            "fields_changed": sorted(changes),
        }
        if about_me:
            row["changes"] = changes
        rows.append(row)
    return rows


def my_data(user: User) -> dict:
    user = User.objects.select_related("unit").get(pk=user.pk)
    memberships = list(memberships_of(user))
    member_ids = [m.pk for m in memberships]
    return {
        "about": {
            "generated_at": _iso(timezone.now()),
            "description": _(
                "ข้อมูลส่วนบุคคลของท่านที่เก็บในระบบ PMQA 4.0 ตามสิทธิขอเข้าถึงข้อมูลส่วนบุคคล "
                "(พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562)"
            ),
            "sections": {
                "user": _("บัญชีผู้ใช้ของท่าน"),
                "role_grants": _("บทบาทที่ได้รับในแต่ละหน่วยงาน"),
                "team_memberships": _("รายชื่อในทีมงาน PMQA ที่ผูกกับบัญชีของท่านหรือใช้อีเมลเดียวกับบัญชีของท่าน"),
                "attendance": _("การเข้าร่วมประชุม/กิจกรรมของท่าน"),
                "sign_offs": _("การลงนามของท่านในฐานะผู้บริหารหน่วยงาน"),
                "kpi_actuals_reported": _("ผลตามตัวชี้วัดที่ท่านรายงาน"),
                "kpi_sheet_contacts": _(
                    "แบบฟอร์ม ๓ ที่ระบุท่าน (อีเมลเดียวกับบัญชีของท่าน) เป็นผู้กำกับหรือผู้จัดเก็บข้อมูล"
                ),
                "results_reports_updated": _("รายงานผล (แบบฟอร์ม ๔) ที่ท่านแก้ไขล่าสุด"),
                "audit_entries": _(
                    "การเปลี่ยนแปลงข้อมูลที่ท่านทำ (ชื่อข้อมูลที่เปลี่ยน ไม่รวมค่า เพราะอาจเป็นข้อมูลของผู้อื่น) "
                    "และการเปลี่ยนแปลงบัญชีผู้ใช้ของท่าน"
                ),
                "access_logs": _("บันทึกการเข้าใช้งานของท่านที่ยังอยู่ในระยะเวลาการเก็บรักษา"),
            },
        },
        "user": _user(user),
        "role_grants": [
            {
                "role": grant.role,
                "role_name": grant.get_role_display(),
                "unit": grant.unit.code,
                "unit_name": grant.unit.name_th,
                "granted_at": _iso(grant.created_at),
            }
            for grant in RoleGrant.objects.filter(user=user).select_related("unit")
        ],
        "team_memberships": [
            {
                "id": m.pk,
                "matched_by": "account" if m.user_id == user.pk else "email",
                "unit": m.roster.unit.code,
                "fiscal_year": m.roster.cycle.fiscal_year,
                "full_name": m.full_name,
                "position": m.position,
                "team_role": m.get_team_role_display(),
                "phone": m.phone,
                "email": m.email,
            }
            for m in memberships
        ],
        "attendance": [
            {
                "member_id": a.member_id,
                "meeting": a.meeting.title,
                "held_on": a.meeting.held_on.isoformat(),
                "method": a.get_method_display(),
                "recorded_at": _iso(a.created_at),
            }
            for a in Attendance.objects.filter(member_id__in=member_ids).select_related("meeting")
        ],
        "sign_offs": [
            {
                "unit": s.submission.unit.code,
                "fiscal_year": s.submission.step.cycle.fiscal_year,
                "step": s.submission.step.number,
                "version": s.version.number,
                "signed_at": _iso(s.signed_at),
                "signer_name": s.signer_name,
                "signer_position": s.signer_position,
            }
            for s in SignOff.objects.filter(executive=user).select_related(
                "submission__unit", "submission__step__cycle", "version"
            )
        ],
        "kpi_actuals_reported": [
            {
                "unit": a.kpi.unit.code,
                "kpi": a.kpi.code,
                "value": str(a.value),
                "measured_on": a.measured_on.isoformat(),
                "reported_at": _iso(a.reported_at),
            }
            for a in KpiActual.objects.filter(reported_by=user).select_related("kpi__unit")
        ],
        "kpi_sheet_contacts": _kpi_contacts(user),
        "results_reports_updated": [
            {
                "unit": r.activity.action_plan.unit.code,
                "activity": r.activity.name,
                "updated_at": _iso(r.updated_at),
            }
            for r in ResultsReport.objects.filter(updated_by=user).select_related(
                "activity__action_plan__unit"
            )
        ],
        "audit_entries": _audit(user),
        "access_logs": [
            {"at": _iso(a.at), "method": a.method, "path": a.path, "status": a.status, "ip": a.ip}
            for a in AccessLog.objects.filter(user=user).order_by("-at")
        ],
    }
