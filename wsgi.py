"""Entry point for WSGI servers: gunicorn wsgi:app"""

import gc

from consult import create_app

app = create_app()
# The objects created at start-up (scikit-learn, scipy, jieba, templates) live as long as the worker:
# keep them out of every later garbage collection, whose full passes otherwise cost 100+ ms.
gc.freeze()
