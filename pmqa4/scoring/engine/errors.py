"""The one error the engine raises for bad input: it names the field so a person can fix it."""


class FactsError(ValueError):
    """Invalid facts; ``field`` is the path of the offending value, e.g. ``plans.kpis[2].target``.

    SCORING-FACTS.md: invalid facts are refused with a message "that names the field and the
    problem", so the field travels with the error instead of being buried in prose.
    """

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)

    def within(self, prefix: str) -> "FactsError":
        """The same error seen from an enclosing document, e.g. ``[1].plans.due``."""
        return FactsError(f"{prefix}.{self.field}" if self.field else prefix, self.message)
