"""Every download of the documents app: an attachment, never shown inline, never sniffed."""

from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header


def attachment(data, filename: str, content_type: str) -> HttpResponse:
    """Bytes, or an open file streamed; a non-ASCII name is written as RFC 6266 asks."""
    if isinstance(data, bytes):
        response = HttpResponse(data, content_type=content_type)
        response["Content-Disposition"] = content_disposition_header(True, filename)
    else:
        response = FileResponse(
            data, as_attachment=True, filename=filename, content_type=content_type
        )
    response["X-Content-Type-Options"] = "nosniff"
    return response
