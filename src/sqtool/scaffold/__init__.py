"""`sqtool init` and `sqtool playbooks`: bundled playbooks, the questions, the wizard, the commented plan."""
