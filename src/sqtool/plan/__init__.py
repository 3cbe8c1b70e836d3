"""The community plan: loading YAML with positions, schema validation, input expansion."""
