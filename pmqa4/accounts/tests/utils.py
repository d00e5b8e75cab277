"""Helpers for the sign-in security tests: real codes computed from a device's key."""

import time

from django.urls import reverse
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from pmqa4.accounts import mfa

PASSWORD = "pw-for-tests"  # UserFactory's


def app_code(device: TOTPDevice) -> str:
    """The code the person's app would show next: the current time step, or the one after the
    last code used (a code is never accepted twice), which the device's tolerance allows."""
    device.refresh_from_db()
    now_t = (int(time.time()) - device.t0) // device.step
    t = max(now_t + device.drift, device.last_t + 1)
    return f"{hotp(device.bin_key, t, digits=device.digits):0{device.digits}d}"


def enrol(user) -> tuple[TOTPDevice, list[str]]:
    """A confirmed app and ten recovery codes, as if set up through the pages."""
    device = TOTPDevice.objects.create(user=user, name=mfa.APP_DEVICE_NAME, confirmed=True)
    return device, mfa.new_recovery_codes(user)


def sign_in(client, username, password=PASSWORD, **extra):
    """The password step, through the real login form (and django-axes when it is on)."""
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]] if response.context else []
