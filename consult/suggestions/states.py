"""The one way a suggestion moves: every state, the steps out of it and who may take them. Pure: no
Flask, no database. Services ask `step()` and refuse whatever it refuses, so no transition skips a step.

    draft ─submit→ submitted ─accept→ accepted ─assign→ assigned ─answer→ answered ─rate→ closed
                    │   └merge→ merged (并案: handled with another)          ↑                  │
                    └return_→ draft (退回修改)                               └──── reopen ←─────┘
                                                                     (不满意: 重新办理, a new deadline)
"""

from __future__ import annotations

from dataclasses import dataclass

STATES = ("draft", "submitted", "accepted", "merged", "assigned", "answered", "closed")
FINAL = frozenset({"merged", "closed"})


@dataclass(frozen=True)
class Step:
    action: str
    source: str
    target: str
    roles: frozenset[str]  # who may take it (admin always may, except a deputy's own steps)


def _step(action: str, source: str, target: str, *roles: str) -> Step:
    return Step(action, source, target, frozenset(roles))


STEPS = (
    _step("submit", "draft", "submitted", "deputy"),
    _step("return_", "submitted", "draft", "drafter", "admin"),
    _step("accept", "submitted", "accepted", "drafter", "admin"),
    _step("merge", "submitted", "merged", "drafter", "admin"),
    _step("assign", "accepted", "assigned", "drafter", "admin"),
    _step("answer", "assigned", "answered", "unit"),
    _step("rate", "answered", "closed", "deputy"),
    _step("reopen", "answered", "assigned", "deputy"),  # rated 不满意: handled again
)


class IllegalStep(Exception):
    """A step the state machine does not allow: `code` names why, for a message people can read."""

    def __init__(self, code: str, action: str, state: str):
        super().__init__(f"{action} from {state}: {code}")
        self.code, self.action, self.state = code, action, state


def step(action: str, state: str, role: str) -> Step:
    """The step `action` from `state` taken by `role`, or IllegalStep saying why not."""
    if state not in STATES:
        raise IllegalStep("unknown_state", action, state)
    found = next((s for s in STEPS if s.action == action), None)
    if found is None:
        raise IllegalStep("unknown_action", action, state)
    if found.source != state:
        raise IllegalStep("not_now", action, state)
    if role not in found.roles:
        raise IllegalStep("not_yours", action, state)
    return found


def actions_from(state: str, role: str) -> list[str]:
    """What `role` may do with a suggestion in `state`, in the order of the steps."""
    return [s.action for s in STEPS if s.source == state and role in s.roles]
