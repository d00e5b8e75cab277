"""``manage.py score_facts FILE|-``: score hand-written facts (SCORING-FACTS.md).

Every document is validated and scored before anything is printed, so invalid input leaves
standard output empty and exits with status 2, the message on standard error naming the field.
"""

import json
import sys
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError

from pmqa4.scoring.engine import FactsError, score_document

INVALID = 2


class Command(BaseCommand):
    help = "Score a facts document (or a JSON array of them) and print the breakdown as JSON."
    # Pure computation: no database, so no system checks cluttering standard error.
    requires_system_checks = []
    # call_command(..., stdin=io.StringIO(...)) feeds "-" in tests.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("file", help="facts JSON file, or - for standard input")

    def handle(self, *args, **options):
        documents = _load(options["file"], options.get("stdin") or sys.stdin)
        if isinstance(documents, list):
            result = [_score(doc, prefix=f"[{i}]") for i, doc in enumerate(documents)]
        else:
            result = _score(documents, prefix=None)
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))


def _load(path: str, stdin):
    try:
        if path == "-":
            text = stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror}", returncode=INVALID) from None
    try:
        # Decimal keeps 0.1 exact; NaN and Infinity are not JSON and not amounts.
        return json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:
        raise CommandError(f"invalid JSON: {error}", returncode=INVALID) from None


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number in JSON")


def _score(document, prefix: str | None) -> dict:
    try:
        return score_document(document)
    except FactsError as error:
        if prefix is not None:
            error = error.within(prefix)
        raise CommandError(str(error), returncode=INVALID) from None
