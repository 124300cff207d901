"""Publication of a suggestion on the public site. An answered or closed suggestion is published unless
the staff withdraw it (Suggestion.public); withdrawing and restoring go into its history."""

from __future__ import annotations

from consult.accounts.models import User
from consult.suggestions.models import Suggestion
from consult.suggestions.services import SuggestionError, record

PUBLICATION_ROLES = ("drafter",)  # and admin, who may do everything


def set_publication(actor: User, suggestion: Suggestion, public: bool) -> bool:
    """Publish (public=True) or withdraw; True when that changed anything. The request commits."""
    if not actor.has_role(*PUBLICATION_ROLES):
        raise SuggestionError("not_yours", action="publication", state=suggestion.state)
    if suggestion.state == "draft":  # a deputy's draft is theirs alone, public or not
        raise SuggestionError("not_now", action="publication", state=suggestion.state)
    if suggestion.public == public:
        return False
    record(actor, suggestion, "publish" if public else "unpublish")
    suggestion.public = public
    return True
