def pytest_terminal_summary(terminalreporter):
    from tests.scenarios.runner import Outcome, summary

    outcomes = [
        Outcome(**value)
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", "") == "call"
        for name, value in getattr(report, "user_properties", [])
        if name == "scenario_outcome"
    ]
    if outcomes:
        terminalreporter.write_sep("-", "scripted conversations")
        terminalreporter.write_line(summary(outcomes))
