import pytest


@pytest.fixture
def mfa_on(settings):
    """Production behaviour: the central roles must use an authenticator app."""
    settings.MFA_ENFORCE = True
    return settings


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    return settings
