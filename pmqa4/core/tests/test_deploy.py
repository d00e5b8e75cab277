"""deploy/: the files a ministry server copies (gunicorn, nginx, systemd, the environment file)
agree with the application: commands that exist, paths the settings use, limits that fit."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

from .test_settings import GOOD, in_production, manage

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("pmqa4-*.*"))
SERVICES = [unit for unit in UNITS if unit.suffix == ".service"]
APP = Path("/srv/pmqa4")  # where the guide (README "Deploying on a ministry server") puts it


def unit_file(path: Path) -> dict[str, dict[str, list[str]]]:
    """A systemd unit as {section: {key: [values]}}: a key may repeat (ExecStart of a oneshot)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, value = line.split("=", 1)
        current.setdefault(key, []).append(value)
    return sections


def test_there_are_units_for_the_web_server_the_worker_and_the_timers():
    names = {unit.name for unit in UNITS}
    assert {
        "pmqa4-web.service",
        "pmqa4-worker.service",
        "pmqa4-reminders.service",
        "pmqa4-reminders.timer",
        "pmqa4-daily.service",
        "pmqa4-daily.timer",
    } <= names


@pytest.mark.parametrize("path", SERVICES, ids=lambda p: p.name)
def test_every_service_runs_as_the_application_user_confined_to_its_data(path):
    service = unit_file(path)["Service"]
    assert service["User"] == ["pmqa4"] and service["Group"] == ["pmqa4"]
    assert service["WorkingDirectory"] == [str(APP)]
    assert service["EnvironmentFile"] == ["/etc/pmqa4.env"]
    assert service["NoNewPrivileges"] == ["yes"] and service["ProtectSystem"] == ["strict"]
    assert service["ProtectHome"] == ["yes"] and service["PrivateTmp"] == ["yes"]
    # it may write only under var/ (uploads, caches), where MEDIA_ROOT is
    writable = service["ReadWritePaths"][0].split()
    assert str(APP / "var") in writable
    assert settings.MEDIA_ROOT == ROOT / "var" / "media"


@pytest.mark.parametrize("path", SERVICES, ids=lambda p: p.name)
def test_every_command_a_service_runs_exists(path):
    commands = get_commands()
    for line in unit_file(path)["Service"]["ExecStart"]:
        for name in re.findall(r"manage\.py (\w+)", line):
            assert name in commands, f"{path.name}: manage.py {name}"
        program = line.split()[0]
        assert program.startswith((str(APP / ".venv/bin/"), "/bin/", "/usr/bin/")), line


@pytest.mark.parametrize("path", [u for u in UNITS if u.suffix == ".timer"], ids=lambda p: p.name)
def test_every_timer_starts_its_service_and_catches_up_after_a_shutdown(path):
    timer = unit_file(path)["Timer"]
    assert (DEPLOY / "systemd" / path.name.replace(".timer", ".service")).exists()
    assert timer["Persistent"] == ["true"] and timer["OnCalendar"]


def test_the_web_service_starts_gunicorn_with_the_configuration_in_the_repository():
    service = unit_file(DEPLOY / "systemd" / "pmqa4-web.service")["Service"]
    assert service["ExecStart"] == [f"{APP}/.venv/bin/gunicorn -c deploy/gunicorn.conf.py"]
    assert service["Type"] == ["notify"]
    requirements = (ROOT / "requirements.txt").read_text()
    assert re.search(r"^gunicorn==", requirements, re.M)


def check_gunicorn(**changes) -> subprocess.CompletedProcess:
    """``gunicorn --check-config`` with our configuration: it loads the application too."""
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    return in_production(
        [gunicorn, "--check-config", "-c", "deploy/gunicorn.conf.py"], **(GOOD | changes)
    )


def test_gunicorn_loads_the_application_under_the_production_settings():
    result = check_gunicorn()
    assert result.returncode == 0, result.stdout + result.stderr


def test_gunicorn_refuses_to_start_with_production_settings_that_are_not_safe():
    result = check_gunicorn(DEBUG="true")
    assert result.returncode != 0 and "DEBUG must be off" in result.stderr


def test_gunicorn_listens_where_nginx_sends_and_logs_requests_once():
    config: dict = {}
    exec((DEPLOY / "gunicorn.conf.py").read_text(), config)  # our own file, as gunicorn reads it
    nginx = (DEPLOY / "nginx" / "pmqa4.conf").read_text()
    assert f"server {config['bind']};" in nginx
    assert config["accesslog"] is None  # pmqa4.request logs each request, with its id
    assert config["timeout"] >= 120 and config["workers"] >= 1


def test_nginx_passes_the_request_id_and_the_scheme_and_serves_only_static_files():
    nginx = (DEPLOY / "nginx" / "pmqa4.conf").read_text()
    assert nginx.count("{") == nginx.count("}")
    assert "proxy_set_header X-Request-ID $request_id;" in nginx
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in nginx
    assert f"alias {APP}/var/static/;" in nginx and settings.STATIC_ROOT == ROOT / "var/static"
    # uploads pass through the permission-checked views, never straight from the disk
    assert "media" not in re.sub(r"#.*", "", nginx)
    assert re.search(r"ssl_protocols TLSv1\.2 TLSv1\.3;", nginx)
    assert "return 301 https://$host$request_uri;" in nginx
    assert '"request_id":"$request_id"' in nginx  # nginx's log line carries the id too


def test_nginx_takes_an_upload_as_large_as_the_application_accepts():
    nginx = (DEPLOY / "nginx" / "pmqa4.conf").read_text()
    megabytes = int(re.search(r"client_max_body_size (\d+)m;", nginx).group(1))
    assert megabytes * 1024 * 1024 > settings.EVIDENCE_MAX_BYTES


def test_the_environment_file_sets_only_what_something_reads():
    example = (DEPLOY / "pmqa4.env.example").read_text()
    names = re.findall(r"^([A-Z_]+)=", example, re.M)
    settings_text = "".join(p.read_text() for p in (ROOT / "config").rglob("*.py"))
    read_elsewhere = {
        "DJANGO_SETTINGS_MODULE",  # Django
        "GUNICORN_WORKERS",  # deploy/gunicorn.conf.py
        "XDG_CACHE_HOME",  # fontconfig (WeasyPrint)
        "MPLCONFIGDIR",  # matplotlib
    }
    for name in names:
        assert name in read_elsewhere or f'"{name}"' in settings_text, name
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"} <= set(names)


def test_the_production_settings_with_the_example_values_and_a_real_key_pass_the_deploy_check():
    example = (DEPLOY / "pmqa4.env.example").read_text()
    values = dict(re.findall(r"^([A-Z_]+)=(.*)$", example, re.M))
    values = {k: v for k, v in values.items() if not k.startswith(("EMAIL_", "DEFAULT_FROM"))}
    result = manage("check", "--deploy", "--fail-level", "WARNING", **{**values, **GOOD})
    assert result.returncode == 0, result.stdout + result.stderr
