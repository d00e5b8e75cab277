"""Every URL pattern × every actor: the status each gets (pmqa4/core/testing/matrix.py).

A new URL pattern fails the first test until it has a row in the matrix: deciding who may open
it is part of adding it. Another unit's object is a 404, a missing role a 403, an anonymous
visitor goes to the login page.
"""

import ast
from pathlib import Path

import pytest

from pmqa4.core.testing import matrix
from pmqa4.core.testing.matrix import ACTORS, ADMIN, MATRIX
from pmqa4.core.testing.matrix_check import build_world, check, requests_of, url_patterns

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast, cycle):
    return build_world(cast, cycle)


def test_every_url_pattern_has_a_row_in_the_matrix():
    patterns = url_patterns()
    routes = {route for route, _ in patterns}
    missing = [f"{route!r} ({name})" for route, name in patterns if route not in MATRIX]
    assert not missing, (
        "URL patterns without a row in the permission matrix (pmqa4/core/testing/matrix.py): "
        + ", ".join(missing)
    )
    gone = sorted(set(MATRIX) - routes)
    assert not gone, f"matrix rows for URL patterns that no longer exist: {gone}"
    assert ADMIN in routes  # the admin is walked as one row, not skipped unseen


def test_no_route_has_two_rows():
    """Several people add rows to the same dict literal: a second row for a route would silently
    replace the first."""
    tree = ast.parse(Path(matrix.__file__).read_text(encoding="utf-8"))
    keys = next(
        node.value.keys
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MATRIX"
    )
    routes = [
        getattr(matrix, key.id) if isinstance(key, ast.Name) else ast.literal_eval(key)
        for key in keys
    ]
    twice = sorted({route for route in routes if routes.count(route) > 1}, key=str)
    assert not twice, f"routes with more than one row in the matrix: {twice}"
    assert len(routes) == len(MATRIX)


def test_the_matrix_covers_every_pattern_for_every_actor(capsys):
    patterns = url_patterns()
    routes = {route for route, _ in patterns}  # auth's own accounts/login/ is shadowed by ours
    covered = {(route, actor) for route in routes & set(MATRIX) for actor in ACTORS}
    for route, row in MATRIX.items():
        assert len(row.get) == len(ACTORS), route
        assert row.post is None or len(row.post) == len(ACTORS), route
    with capsys.disabled():
        print(
            f"\npermission matrix: {len(patterns)} URL patterns ({len(routes)} routes)"
            f" × {len(ACTORS)} actors = {len(covered)} route × actor pairs covered"
        )
    assert len(covered) == len(routes) * len(ACTORS)
    assert len(routes) >= 65  # the application's routes when this matrix was written


@pytest.mark.parametrize("route", sorted(MATRIX))
def test_permission_matrix(route, world):
    sent, wrong = check(route, world)
    assert sent >= len(ACTORS)
    assert not wrong, f"{route}: {len(wrong)} of {sent} requests wrong:\n" + "\n".join(wrong)


def test_the_matrix_sends_every_request_it_lists(world, capsys):
    """The total, for the record: every pattern, actor, method and variant."""
    total = sum(len(requests_of(route, world)) for route in MATRIX)
    with capsys.disabled():
        print(f"\npermission matrix: {total} requests over {len(MATRIX)} rows")
    assert total >= len(MATRIX) * len(ACTORS)
