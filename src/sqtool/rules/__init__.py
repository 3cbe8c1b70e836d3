"""The rule registry behind ``sqtool check``: one module per rule family, texts in messages/rules.py."""
