"""Form pieces every domain uses: choice lists, the one-button action form, checkbox lists, a fresh
form's fields drawn once, the one-time token that makes a retried submission store one record, and
the contact check."""

from __future__ import annotations

import re
import secrets
from collections.abc import Hashable
from functools import lru_cache

from babel import support
from flask import current_app, render_template
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import HiddenField, SelectChoice, SelectMultipleField
from wtforms.i18n import messages_path
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from consult.http import database_id


class Form(FlaskForm):
    """The base of every form here. WTForms' own messages (a required field, a bad choice) come in
    the page's language, loaded once per process and language: Flask-WTF parses the catalogue
    again on every request, a millisecond of each comment submitted."""

    class Meta(FlaskForm.Meta):
        def get_translations(self, form):
            return _wtforms_messages(str(get_locale()))


@lru_cache(maxsize=8)
def _wtforms_messages(locale: str) -> support.NullTranslations:
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


def fresh_fields(template: str, form: FlaskForm, *settings: Hashable) -> Markup:
    """A form's fields from ``template``. Nobody's fields differ before they submit: a fresh form's are
    rendered once per app, form, template, language and ``settings`` (the values the fields show,
    such as a length limit); WTForms renders each option of each choice in Python, a quarter of an
    article page's time. A submitted one, with its errors and the text kept, is rendered each time.
    The per-reader parts (CSRF and form tokens) stay outside ``template``."""
    if form.is_submitted():
        return Markup(render_template(template, form=form))
    rendered = current_app.extensions.setdefault("consult_fresh_fields", {})
    key = (template, type(form), str(get_locale()), settings)
    if key not in rendered:
        rendered[key] = Markup(render_template(template, form=form))
    return rendered[key]


def options(pairs) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


_PHONE_BODY = r"\+?[0-9][0-9 \-]{5,18}[0-9]"
_PHONE = re.compile(rf"^{_PHONE_BODY}$")
# Not a space of any kind nor a control character, as both Python and JavaScript (JSON Schema) read it.
_EMAIL_PART = r"[^@\s\x00-\x1f\x7f-\x9f\ufeff]+"
_EMAIL = re.compile(rf"^{_EMAIL_PART}@{_EMAIL_PART}\.{_EMAIL_PART}$")
# Either, or nothing: the same rule as a regular expression, for the API's schema.
CONTACT_PATTERN = rf"^(?:|{_PHONE_BODY}|{_EMAIL_PART}@{_EMAIL_PART}\.{_EMAIL_PART})$"


CONTACT_MESSAGE = _l("请填写有效的手机号码或电子邮箱，也可以不填。")


def is_phone_or_email(value: str) -> bool:
    return bool(_PHONE.match(value) or _EMAIL.match(value))


def contact_is_phone_or_email(form, field):
    value = (field.data or "").strip()
    if value and not is_phone_or_email(value):
        raise ValidationError(CONTACT_MESSAGE)


class ActionForm(Form):
    """A button that changes state: only the CSRF token travels."""


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("coerce", database_id)
        super().__init__(*args, **kwargs)


_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")


class TokenForm(Form):
    """A form carrying a one-time token, so a double click or a retry stores one record. A token
    that is not one we hand out gets a fresh one and a message beside `token_error_field`."""

    token = HiddenField()
    token_error_field = "body"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.token.data:
            self.token.data = secrets.token_urlsafe(24)

    def validate_token(self, field):
        if not _TOKEN.fullmatch(field.data or ""):
            field.data = secrets.token_urlsafe(24)
            raise ValidationError(_l("这份表单已失效，请检查后再提交一次（您填写的内容都保留着）。"))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.token.errors:  # a hidden field's message would go unseen
            visible = getattr(self, self.token_error_field)
            visible.errors = [*visible.errors, *self.token.errors]
        return valid
