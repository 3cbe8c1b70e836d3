"""Renderers of the audit report (terminal, Markdown): formatting only, no metrics."""
