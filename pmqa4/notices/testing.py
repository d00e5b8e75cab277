"""Objects of the notices app for the permission matrix (pmqa4/core/testing/matrix.py): made
once per world, the first time a row asks, and kept on the world."""

from types import SimpleNamespace

from django.core.files.base import ContentFile

from .models import Announcement, AnnouncementFile, Faq, Post, Thread


def notices_world(world) -> SimpleNamespace:
    """An announcement to every unit with a PDF, a thread of unit A with an answer, a FAQ."""
    made = getattr(world, "notices", None)
    if made is not None:
        return made
    cast = world.cast
    announcement = Announcement.objects.create(
        title="ประชุมชี้แจงตัวชี้วัด", body="รายละเอียดการประชุม", created_by=cast.central
    )
    attachment = AnnouncementFile(
        announcement=announcement,
        original_name="สไลด์ชี้แจง.pdf",
        content_type="application/pdf",
        size=8,
        sha256="0" * 64,
        uploaded_by=cast.central,
    )
    attachment.file.save("attachment.pdf", ContentFile(b"%PDF-1.4"), save=True)
    thread = Thread.objects.create(
        unit=cast.unit_a, title="ถามเรื่องแบบฟอร์มที่ ๓", asked_by=cast.coordinator_a
    )
    Post.objects.create(thread=thread, author=cast.coordinator_a, body="กรอกอย่างไร")
    answer = Post.objects.create(
        thread=thread, author=cast.central, body="กรอกตามคู่มือ", is_answer=True
    )
    faq = Faq.objects.create(question="กรอกอย่างไร", answer="ตามคู่มือ", created_by=cast.central)
    world.notices = SimpleNamespace(
        announcement=announcement.pk,
        file=attachment.pk,
        thread=thread.pk,
        answer=answer.pk,
        faq=faq.pk,
    )
    return world.notices


def matrix_url(name: str, *parts: str):
    """A matrix row's URL builder: ``notices:<name>`` with the ids of this world's objects."""
    from django.urls import reverse

    def build(world, code_side, object_side):
        made = notices_world(world)
        return reverse(f"notices:{name}", args=[getattr(made, part) for part in parts])

    return build
