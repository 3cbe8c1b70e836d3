"""The audit engine: one pass over chat records into compact aggregates, then pure figure functions.

Entry point: ``sqtool.audit.engine.run_audit(records, options) -> AuditReport``.
"""
