"""Entry point for WSGI servers: gunicorn wsgi:app"""
from consult import create_app

app = create_app()
