"""Published scores (ScoreRecord): what the central group published, never a live estimate."""

from django.db.models import Exists, OuterRef
from django.http import Http404
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from pmqa4.org.permissions import UNIT_READERS
from pmqa4.scoring.models import ScoreKind, ScoreRecord

from ..auth import actor
from ..pagination import Page
from ..schemas import LIST_ERRORS, NO_NUL, READ_ERRORS, ScoreDetailOut, ScoreOut

router = Router(tags=["คะแนนที่เผยแพร่แล้ว"])


def visible_scores(request):
    """All publications for the central roles; a unit's own for its people."""
    who = actor(request)
    records = ScoreRecord.objects.select_related("unit", "cycle")
    if who.sees_all_units:
        return records
    return records.filter(unit_id__in=who.unit_ids(UNIT_READERS))


class ScoreFilters(Schema):
    year: int | None = Field(None, ge=2500, le=2700, description="ปีงบประมาณ พ.ศ.")
    unit: str | None = Field(None, max_length=20, pattern=NO_NUL, description="รหัสหน่วยงาน")
    kind: ScoreKind | None = Field(None, description="๑ รอบการประเมินที่ ๑, ๒ ทั้งปี")
    latest: bool = Field(
        True, description="เฉพาะการเผยแพร่ล่าสุดของแต่ละหน่วยงานและรอบ (false: รวมฉบับก่อนหน้า)"
    )


@router.get(
    "/scores",
    response={200: list[ScoreOut], **LIST_ERRORS},
    summary="คะแนนที่เผยแพร่แล้ว",
    description=(
        "ผู้ดูแลระบบส่วนกลาง ผู้ประเมิน และผู้บริหารระดับกระทรวงเห็นทุกหน่วยงาน บทบาทอื่นเห็นเฉพาะหน่วยงานของตน"
    ),
)
@paginate(Page)
def scores(request, filters: Query[ScoreFilters]):
    records = visible_scores(request).defer("facts", "breakdown")
    if filters.year:
        records = records.filter(cycle__fiscal_year=filters.year)
    if filters.unit:
        records = records.filter(unit__code=filters.unit)
    if filters.kind:
        records = records.filter(kind=filters.kind)
    if filters.latest:
        newer = ScoreRecord.objects.filter(
            unit=OuterRef("unit"),
            cycle=OuterRef("cycle"),
            kind=OuterRef("kind"),
            published_at__gt=OuterRef("published_at"),
        )
        records = records.filter(~Exists(newer))
    return records.order_by("-cycle__fiscal_year", "unit__code", "kind", "-published_at", "-id")


@router.get(
    "/scores/{score_id}",
    response={200: ScoreDetailOut, **READ_ERRORS},
    summary="คะแนนที่เผยแพร่หนึ่งรายการ พร้อมรายละเอียดแต่ละขั้นตอนและการหักคะแนน",
)
def score(request, score_id: int = Path(..., ge=1, le=2_147_483_647)):
    record = visible_scores(request).filter(pk=score_id).first()
    if record is None:
        raise Http404
    return record
