"""Announcement attachments: what evidence takes (PDF, PNG, JPEG, DOCX, XLSX) and PowerPoint,
for briefing slides; checked by content in pmqa4/submissions/uploads.py, zip bombs and macros
refused the same way."""

from functools import partial

from pmqa4.submissions.uploads import PPTX, check_upload

__all__ = ["ACCEPT", "INLINE_TYPES", "PPTX", "check_attachment"]

check_attachment = partial(check_upload, presentations=True)
# Shown in the browser; anything else is downloaded (Content-Disposition: attachment).
INLINE_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})
ACCEPT = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx"
