"""What a job worker loads: the queue and every domain's tasks.

huey_consumer consult.worker.huey -w 2 -k thread
"""

from consult.digests import tasks as _digest_tasks  # noqa: F401  (registers the digest tasks)
from consult.jobs import huey
from consult.notifications import tasks as _notification_tasks  # noqa: F401  (sending the outbox)
from consult.suggestions import tasks as _suggestion_tasks  # noqa: F401  (deadline reminders)

__all__ = ["huey"]
