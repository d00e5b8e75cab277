class WorkflowError(Exception):
    """A domain rule refused an action; the message is for the person (Thai first, gettext)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
