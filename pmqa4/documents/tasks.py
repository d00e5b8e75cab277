"""The ZIP of every unit's forms of a step, built in the background with its progress recorded.

`request_bundle` records the job (a queued DocumentBundle) and enqueues the django-tasks task
`build_bundle`; whoever runs it (`manage.py db_worker`, or the ImmediateBackend in tests) goes
through `run_bundle`, which claims the row so that a bundle is never built twice.
Each document is rendered on its own: a unit whose document fails is listed in the bundle and
the others go on. The ZIP is written to a temporary file, document by document, then saved to
the default storage; its entries are `<unit code>/<file name>`.
"""

import datetime as dt
import logging
import tempfile
import zipfile

from django.core.files import File
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from pmqa4.org.models import Unit

from . import service
from .models import STEP_KINDS, BundleStatus, BundleStep, DocumentBundle

log = logging.getLogger(__name__)

# A running bundle without progress for this long lost its worker (each document takes seconds).
STALLED_AFTER = dt.timedelta(minutes=5)


def bundle_units():
    """The units whose forms a bundle gathers: those taking part and still active, by code."""
    return list(Unit.objects.filter(takes_part=True, is_active=True).order_by("code"))


def bundle_kinds(step: str, fmt: str) -> tuple[str, ...]:
    """The kinds of a step that the format prints; ValueError (Thai) when there are none."""
    if fmt not in service.FORMATS:
        raise ValueError(_("ไม่มีรูปแบบไฟล์ “%(fmt)s”") % {"fmt": fmt})
    if step not in BundleStep.values:
        raise ValueError(_("ไม่มีชุดเอกสาร “%(step)s”") % {"step": step})
    kinds = tuple(k for k in STEP_KINDS[BundleStep(step)] if k in service.OFFERED[fmt])
    if not kinds:
        raise ValueError(
            _("%(what)s ไม่มีรูปแบบ %(format)s: เลือก Word หรือ PDF")
            % {"what": BundleStep(step).label, "format": service.FORMATS[fmt].label}
        )
    return kinds


def request_bundle(*, user, cycle, step: str, fmt: str, numerals: str) -> DocumentBundle:
    """Queue a bundle and hand it to the task backend (ValueError, in Thai, for a bad choice)."""
    bundle_kinds(step, fmt)
    service.printer_for(numerals)
    bundle = DocumentBundle.objects.create(
        requested_by=user, cycle=cycle, step=step, fmt=fmt, numerals=numerals
    )
    build_bundle.enqueue(bundle.pk)
    return bundle


@task()
def build_bundle(bundle_id: int) -> str:
    """The background task: the bundle's final status ("skipped" if another run had it)."""
    bundle = run_bundle(bundle_id)
    return bundle.status if bundle else "skipped"


def _claim(bundle_id: int) -> bool:
    now = timezone.now()
    return bool(
        DocumentBundle.objects.filter(pk=bundle_id, status=BundleStatus.QUEUED).update(
            status=BundleStatus.RUNNING, started_at=now, progressed_at=now
        )
    )


def _save(bundle: DocumentBundle, **fields) -> None:
    """Write only these fields (a worker's progress never overwrites anything else)."""
    for name, value in fields.items():
        setattr(bundle, name, value)
    DocumentBundle.objects.filter(pk=bundle.pk).update(**fields)


def run_bundle(bundle_id: int) -> DocumentBundle | None:
    """Build a queued bundle to the end; None when it is not queued (taken, done or gone)."""
    if not _claim(bundle_id):
        return None
    bundle = DocumentBundle.objects.select_related("cycle").get(pk=bundle_id)
    try:
        _build(bundle)
    except Exception as exc:
        log.exception("document bundle %s failed", bundle.pk)
        _save(
            bundle,
            status=BundleStatus.FAILED,
            error=_("สร้างชุดเอกสารไม่สำเร็จ: %(error)s") % {"error": exc},
            finished_at=timezone.now(),
        )
        raise
    return bundle


def _build(bundle: DocumentBundle) -> None:
    units = bundle_units()
    kinds = bundle_kinds(bundle.step, bundle.fmt)
    _save(bundle, total=len(units) * len(kinds), done=0, failures=[])
    # Word and Excel files are ZIPs already; a PDF still shrinks a little.
    compression = zipfile.ZIP_DEFLATED if bundle.fmt == "pdf" else zipfile.ZIP_STORED
    failures = []
    with tempfile.TemporaryFile() as spool:
        with zipfile.ZipFile(spool, "w", compression=compression) as archive:
            for unit in units:
                for kind in kinds:
                    try:
                        document = service.render_document(
                            unit, bundle.cycle, kind, bundle.fmt, bundle.numerals
                        )
                    except Exception as exc:
                        log.exception("bundle %s: %s %s failed", bundle.pk, unit.code, kind)
                        failures.append(_failure(unit, kind, exc))
                    else:
                        archive.writestr(f"{unit.code}/{document.filename}", document.data)
                    _save(
                        bundle,
                        done=bundle.done + 1,
                        failures=failures,
                        progressed_at=timezone.now(),
                    )
        spool.seek(0)
        bundle.file.save(bundle.filename, File(spool), save=False)
    _save(bundle, file=bundle.file.name, status=BundleStatus.DONE, finished_at=timezone.now())


def _failure(unit: Unit, kind: str, exc: Exception) -> dict:
    return {
        "unit": unit.code,
        "name": unit.name_th,
        "kind": kind,
        "document": service.kind_label(kind),
        "message": str(exc) or exc.__class__.__name__,
    }


def requeue_stalled(now: dt.datetime | None = None) -> int:
    """Running bundles that stopped moving (their worker died) are queued and enqueued again."""
    cutoff = (now or timezone.now()) - STALLED_AFTER
    stalled = list(
        DocumentBundle.objects.filter(
            status=BundleStatus.RUNNING, progressed_at__lt=cutoff
        ).values_list("pk", flat=True)
    )
    for pk in stalled:
        requeued = DocumentBundle.objects.filter(pk=pk, status=BundleStatus.RUNNING).update(
            status=BundleStatus.QUEUED, done=0, failures=[]
        )
        if requeued:
            build_bundle.enqueue(pk)
    return len(stalled)
