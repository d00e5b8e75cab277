"""Page-numbered lists: ``?page=2&page_size=50`` (at most 100 a page), with the total count."""

from typing import Any

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

MAX_PAGE_SIZE = 100


class Page(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=100_000, description="หน้าที่ (เริ่มที่ 1)")
        page_size: int = Field(
            20, ge=1, le=MAX_PAGE_SIZE, description="จำนวนรายการต่อหน้า (สูงสุด 100)"
        )

    class Output(Schema):
        items: list[Any]
        count: int = Field(description="จำนวนรายการทั้งหมดตามตัวกรอง")
        page: int
        page_size: int

    def __init__(self, **kwargs):
        super().__init__(page_size=20, max_page_size=MAX_PAGE_SIZE, **kwargs)

    def paginate_queryset(self, queryset, pagination, request, **params):
        size = pagination.page_size
        offset = (pagination.page - 1) * size
        return {
            "items": queryset[offset : offset + size],
            "count": self._items_count(queryset),
            "page": pagination.page,
            "page_size": size,
        }


class Rows:
    """A queryset whose page the paginator slices and ``rows`` turns into dicts in one go, so a
    page's related data is read for the whole page (no query per row)."""

    def __init__(self, queryset, rows):
        self.queryset = queryset
        self.rows = rows

    def all(self):
        return self.queryset.all()

    def __getitem__(self, window: slice) -> list[dict]:
        return self.rows(list(self.queryset[window]))
