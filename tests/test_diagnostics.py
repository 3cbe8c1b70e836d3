from sqtool.diagnostics import Finding, Severity, at_or_above, fix_first


def finding(rule_id, severity, line, path="a.yaml"):
    return Finding(rule_id, severity, "m", path, line, 1)


def test_fix_first_puts_schema_errors_before_rule_errors_then_warnings():
    rule_error = finding("SQ101", Severity.ERROR, 1)
    schema_error = finding("SQ001", Severity.ERROR, 9)
    warning = finding("SQ201", Severity.WARNING, 2)
    unreadable = finding("SQ000", Severity.ERROR, 3, path="b.yaml")
    ordered = fix_first([warning, rule_error, schema_error, unreadable])
    assert [f.rule_id for f in ordered] == ["SQ001", "SQ000", "SQ101", "SQ201"]


def test_at_or_above():
    levels = {"SQ1": Severity.INFO, "SQ2": Severity.WARNING, "SQ3": Severity.ERROR}
    findings = [finding(rule_id, level, 1) for rule_id, level in levels.items()]
    assert [f.rule_id for f in at_or_above(findings, Severity.WARNING)] == ["SQ2", "SQ3"]
