"""Sending one e-mail over SMTP (Python's smtplib), configured by one URL:

    CONSULT_SMTP_URL=smtp://user:password@mail.example.org:587?starttls=1   (or smtps://…:465)

Every message to a subscriber says how to leave in one click (RFC 8058: List-Unsubscribe with
List-Unsubscribe-Post); a message to a staff account about its work (unsubscribe_url "") has none."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from urllib.parse import parse_qs, unquote, urlsplit


def build(sender: str, sender_name: str, to: str, subject: str, text: str, html: str, unsubscribe_url: str):
    message = EmailMessage()
    message["From"] = formataddr((sender_name, sender))
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    if unsubscribe_url:
        message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message


def send(url: str, message: EmailMessage, timeout: float = 20) -> None:
    """Hand the message to the SMTP server the URL names; smtplib's errors and OSError propagate."""
    parts = urlsplit(url)
    secure = parts.scheme == "smtps"
    port = parts.port or (465 if secure else 25)
    client_class = smtplib.SMTP_SSL if secure else smtplib.SMTP
    with client_class(parts.hostname or "localhost", port, timeout=timeout) as client:
        if parse_qs(parts.query).get("starttls") == ["1"]:
            client.starttls()
        if parts.username:
            client.login(unquote(parts.username), unquote(parts.password or ""))
        client.send_message(message)
