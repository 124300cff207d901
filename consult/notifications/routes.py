"""Every URL of notifications, in one place; the views live in views.py."""

from flask import Blueprint

from consult.notifications import views

notifications = Blueprint("notifications", __name__)

notifications.add_url_rule("/drafts/<slug>/follow", view_func=views.follow, methods=["GET", "POST"])
notifications.add_url_rule("/notifications/<token>/confirm", view_func=views.confirm, methods=["GET", "POST"])
notifications.add_url_rule("/notifications/<token>/unsubscribe", view_func=views.unsubscribe, methods=["GET", "POST"])
