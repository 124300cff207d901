"""The suggestion jobs: deadline reminders, checked every hour (each reminder goes out once)."""

from __future__ import annotations

from huey import crontab

from consult.jobs import huey, in_app_context
from consult.suggestions.reminders import send_reminders


@huey.periodic_task(crontab(minute="7"))
@in_app_context
def remind_hourly() -> int:
    return send_reminders()
