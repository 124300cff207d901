"""The state machine of a suggestion: every step from its state by its role, nothing else."""

import pytest

from consult.suggestions import states

PATH = [
    ("submit", "deputy", "draft", "submitted"),
    ("accept", "drafter", "submitted", "accepted"),
    ("assign", "drafter", "accepted", "assigned"),
    ("answer", "unit", "assigned", "answered"),
    ("reopen", "deputy", "answered", "assigned"),
    ("answer", "unit", "assigned", "answered"),
    ("rate", "deputy", "answered", "closed"),
]


def test_the_whole_path_with_a_reopening():
    state = "draft"
    for action, role, source, target in PATH:
        assert state == source
        state = states.step(action, state, role).target
        assert state == target
    assert state in states.FINAL


@pytest.mark.parametrize("state", states.STATES)
@pytest.mark.parametrize("role", ["admin", "drafter", "moderator", "organizer", "deputy", "unit"])
def test_only_listed_steps_are_allowed_and_every_refusal_says_why(state, role):
    allowed = set(states.actions_from(state, role))
    for step in states.STEPS:
        if step.action in allowed:
            assert states.step(step.action, state, role).target == step.target
            continue
        with pytest.raises(states.IllegalStep) as refused:
            states.step(step.action, state, role)
        assert refused.value.code in ("not_now", "not_yours")


def test_no_step_leaves_a_final_state_and_none_skips_one():
    assert not [s for s in states.STEPS if s.source in states.FINAL]
    order = {state: n for n, state in enumerate(("draft", "submitted", "accepted", "assigned", "answered", "closed"))}
    forward = [s for s in states.STEPS if s.target in order and s.source in order and order[s.target] > order[s.source]]
    assert all(order[s.target] == order[s.source] + 1 for s in forward)  # one state at a time
    with pytest.raises(states.IllegalStep) as unknown:
        states.step("approve", "draft", "admin")
    assert unknown.value.code == "unknown_action"
