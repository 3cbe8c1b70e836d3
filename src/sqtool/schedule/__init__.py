"""Cadences into dates, the operating calendar, its findings and its ICS file (docs/architecture.md).

``cadence.py`` is the one place that knows what "weekly on Thursday" or "monthly on the second
Tuesday" means: the plan calendar and the audit's planned-vs-held drift both ask it.
"""
