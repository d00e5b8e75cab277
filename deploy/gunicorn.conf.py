"""gunicorn for pmqa4, behind nginx (deploy/nginx/pmqa4.conf) on a port of this machine only.

Started by deploy/systemd/pmqa4-web.service from the project folder, with the variables of
/etc/pmqa4.env (deploy/pmqa4.env.example). Check it with
``.venv/bin/gunicorn --check-config -c deploy/gunicorn.conf.py``.
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Sync workers: every page is short and database-bound; the documents are CPU-bound.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# A unit's four forms as PDF take about a second; the ministry summary with its charts several.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
# Workers are replaced now and then, so memory that WeasyPrint and matplotlib keep is returned.
max_requests = 1000
max_requests_jitter = 100
# Each request is logged by the application (pmqa4.request: JSON with the request id).
accesslog = None
errorlog = "-"
# nginx on this machine sets X-Forwarded-Proto; nobody else can reach the port.
forwarded_allow_ips = "127.0.0.1,::1"
# Heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm"
