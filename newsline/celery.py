"""Celery application.

With CELERY_BROKER_URL unset (the default) tasks run eagerly, in the calling
process, so nothing but Django needs to be running.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsline.settings")

app = Celery("newsline")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
