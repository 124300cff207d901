"""What a job worker loads: the queue and every domain's tasks.

huey_consumer consult.worker.huey -w 2 -k thread
"""

from consult.analysis.workers import start_fork_server
from consult.digests import tasks as _digest_tasks  # noqa: F401  (registers the digest tasks)
from consult.jobs import huey
from consult.notifications import tasks as _notification_tasks  # noqa: F401  (sending the outbox)
from consult.suggestions import tasks as _suggestion_tasks  # noqa: F401  (deadline reminders)

__all__ = ["huey"]


@huey.on_startup()
def load_the_analysis() -> None:
    """A build's worker processes fork from a server that has the analysis loaded: started with the
    consumer, not by its first big build (every consumer thread calls this; the server starts once)."""
    start_fork_server()
