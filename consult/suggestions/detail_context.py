"""What a suggestion's page shows besides its steps: co-signers, files, units' reports, likely
duplicates (for staff deciding on 并案), and which of the non-step forms this person may use now."""

from __future__ import annotations

from consult.accounts.models import STAFF_ROLES, User
from consult.suggestions import attachments, cosigning, duplicates, progress
from consult.suggestions.forms import AttachmentForm, CoOpinionForm, ProgressForm
from consult.suggestions.models import Suggestion


def _may(user: User, suggestion: Suggestion, named: dict) -> dict[str, bool]:
    own_draft = user.role == "deputy" and suggestion.deputy_id == user.id and suggestion.state == "draft"
    in_hand = user.role == "unit" and suggestion.state == "assigned" and user.unit_id is not None
    open_to_cosign = suggestion.state not in ("draft", "merged", "closed")
    return {
        "edit": own_draft,
        "cosign": open_to_cosign and user.id in named and named[user.id] is None,
        "uncosign": open_to_cosign and user.id in named,
        "progress": in_hand and suggestion.lead_unit_id == user.unit_id,
        "co_opinion": in_hand and user.unit_id in (suggestion.co_unit_ids or []),
    }


def handling_context(user: User, suggestion: Suggestion, extra_forms: dict | None = None) -> dict:
    cosigners = cosigning.cosigners_of(suggestion)
    named = {deputy.id: confirmed for deputy, confirmed in cosigners}
    files = attachments.attachments_of(suggestion)
    staff = user.role in STAFF_ROLES
    forms = {"attachment": AttachmentForm(), "progress": ProgressForm(prefix="progress"),
             "co_opinion": CoOpinionForm(prefix="co_opinion"), **(extra_forms or {})}  # fmt: skip
    return {
        "cosigners": cosigners,
        "deputy_files": [f for f in files if f.answer_id is None],
        "answer_files": [f for f in files if f.answer_id is not None],
        "reports": progress.reports_of(suggestion),
        "co_units_pending": progress.co_units_yet_to_report(suggestion) if suggestion.state == "assigned" else [],
        "matches": duplicates.similar_to(suggestion) if staff and suggestion.state in duplicates.UNDECIDED else [],
        "may": _may(user, suggestion, named),
        "handling_forms": forms,
    }
