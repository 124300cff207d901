"""The floor the comment path is measured against: a bare Flask app answering the same two requests
(an article page with the form's hidden fields, and a POST answered 303 to a receipt) with no database,
no templates and no work — what gunicorn, the network and the load generator cost on their own."""

from uuid import uuid4

from flask import Flask, redirect

app = Flask(__name__)
FORM = ('<form method="post"><input id="csrf_token" name="csrf_token" type="hidden" value="x">'
        '<input id="token" name="token" type="hidden" value="y"></form>')  # fmt: skip


@app.get("/healthz")
def healthz():
    return "ok"


@app.get("/drafts/<slug>/articles/<int:number>")
def article(slug: str, number: int):
    return FORM


@app.post("/drafts/<slug>/articles/<int:number>/comments")
def comment(slug: str, number: int):
    return redirect(f"/receipts/{uuid4().hex[:12].upper()}/thanks", code=303)
