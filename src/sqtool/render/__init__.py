"""Renderers of chat summaries and audit reports (terminal, Markdown; HTML next): formatting only, no metrics."""
