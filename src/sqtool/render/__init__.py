"""Renderers of audit results: terminal (rich), and later Markdown and HTML."""
