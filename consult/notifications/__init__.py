"""Telling residents what became of what they wrote: e-mail on consent (double opt-in), sent from an
outbox on the job queue with retries and an hourly cap; SMS behind one interface."""
