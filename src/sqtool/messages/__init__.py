"""Message catalogue, one module per area (core, plan, chat, rules, audit, scaffold).

Each module defines ``MESSAGES: dict[str, dict[str, str]]`` with both "en" and "zh" for every key.
"""
