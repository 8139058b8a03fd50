"""Key result rules: firing on weak key results, quiet on sound ones."""

from __future__ import annotations

import pytest

from okrdesk.coach import check_key_result


def rules(text: str, kind: str = "metric") -> list[str]:
    return [finding.rule for finding in check_key_result(text, kind=kind)]


def warnings_and_errors(text: str) -> list[str]:
    return [f.rule for f in check_key_result(text) if f.severity != "info"]


@pytest.mark.parametrize("text", ["", "  "])
def test_empty_key_result_is_an_error(text: str) -> None:
    assert [(f.rule, f.severity) for f in check_key_result(text)] == [("key-result-empty", "error")]


@pytest.mark.parametrize(
    "text",
    [
        "Improve customer satisfaction",
        "Reduce churn",
        "Make onboarding faster",
        "Increase revenue significantly",
        "Launch the partner portal by 30 June",  # a date is not a measure
        "Release version 2 of the mobile app",  # nor is a version
        "Neue Website veröffentlichen",
        "Poprawić obsługę klienta",
    ],
)
def test_key_result_without_a_number_is_an_error(text: str) -> None:
    findings = check_key_result(text)
    assert ("key-result-not-measurable", "error") in [(f.rule, f.severity) for f in findings]


@pytest.mark.parametrize(
    "text",
    [
        "Raise repeat orders from 18% to 25%",
        "Shorten the month-end close from ten working days to five",
        "Reduce defects by a quarter",
        "Halve the number of failed deployments",
        "Double weekly sign-ups",
        "Three of our five largest customers renew for two years",
        "Cut lost-time injuries to zero",
        "Hire a dozen nurses for the night shift",
        "Reach 40k monthly listeners",
        "Grow revenue from $1.2M to $1.5M",
        "Cut response time by half",
        "Lift NPS by 10 pts",
    ],
)
def test_numbers_digits_words_and_multipliers_all_count_as_measurable(text: str) -> None:
    assert "key-result-not-measurable" not in rules(text)


def test_milestone_key_results_need_no_number() -> None:
    assert rules("Sign the contract with the ministry", kind="milestone") == []
    assert "key-result-not-measurable" in rules("Sign the contract with the ministry")


@pytest.mark.parametrize(
    "text",
    [
        "Launch 3 campaigns",
        "Publish 12 blog posts",
        "Hold four customer workshops",
        "Write the new onboarding guide",
        "Implement single sign-on",
        "Migrate the billing database to Postgres",
        "Fix the top 20 bugs",
        "Build a pricing calculator for the website",
        "Organise 2 job fairs",
        "Organize a hackathon with 50 participants",
        "Attend 5 industry conferences",
        "Create a donor newsletter",
        "Send 5,000 fundraising letters",
        "Run a staff survey",
        "Ship the new app to the store",
        "Release the billing module",
        "Roll out the new CRM to the sales team",
        "Make 50 sales calls a week",
        "Migrate 100% of customers to the new billing platform",
        "We will launch 3 campaigns",
    ],
)
def test_activity_key_result_is_a_warning(text: str) -> None:
    findings = check_key_result(text)
    assert ("key-result-is-activity", "warning") in [(f.rule, f.severity) for f in findings]


@pytest.mark.parametrize(
    "text",
    [
        "Cut hospital onboarding from 30 days to 12",
        "Ship 90% of orders the same day, up from 72%",
        "Run the nightly test suite in under 10 minutes",
        "Make checkout load in under 2 seconds",
        "Launch new features to 80% of users within 2 days, down from 9",
        "Build times fall from 25 minutes to 10",
        "Release fixes for critical bugs in 2 days instead of 6, from 6 days to 2",
        "Sign 12 new enterprise customers in the DACH region",
        "Win 5 of the 8 public tenders we bid for",
    ],
)
def test_a_change_of_a_measure_is_not_an_activity(text: str) -> None:
    assert warnings_and_errors(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Keep uptime above 99.9%",
        "Maintain NPS at 40 or higher",
        "Stay below a 3% error rate in payroll",
        "Hold customer churn at 2% a month",
        "Hold churn at two percent",
        "Hold the defect rate steady at 1.5%",
        "Ensure the website stays above 99.5% availability",
        "Monthly churn remains under 3%",
        "Keep staff turnover under 10%",
        "Sustain 90% occupancy",
    ],
)
def test_kpi_to_keep_healthy_is_a_warning(text: str) -> None:
    assert rules(text) == ["key-result-is-kpi"]


@pytest.mark.parametrize(
    "text",
    [
        "Raise uptime from 99.5% to 99.9%",
        "Hold four customer workshops",  # "hold" here is an activity, not a KPI
        "Hold 4 workshops at the Leeds office",
        "Reduce the share of customers who remain on the old plan from 40% to 10%",
    ],
)
def test_changes_are_not_kpis(text: str) -> None:
    assert "key-result-is-kpi" not in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Raise conversion to 4%",
        "Reduce churn by 2 points",
        "Bring first response time below 2 hours",
        "Cut cloud spend per customer by 15%",
        "Reach $1.2M in annual recurring revenue",
    ],
)
def test_missing_baseline_is_info_never_a_warning(text: str) -> None:
    findings = check_key_result(text)
    assert [(f.rule, f.severity) for f in findings] == [("key-result-no-baseline", "info")]


@pytest.mark.parametrize(
    "text",
    [
        "Raise conversion from 2.5% to 4%",
        "Sign 12 new enterprise customers",  # counts of new things start at zero
        "Collect 95% of invoices within 30 days, up from 70%",
        "Raise the first-contact resolution rate to 75% from 61%",
    ],
)
def test_stated_or_implied_baseline_is_quiet(text: str) -> None:
    assert rules(text) == []


def test_milestone_and_three_level_kinds_get_no_baseline_info() -> None:
    assert rules("Raise conversion to 4%", kind="three_level") == []
    assert rules("Raise conversion to 4%", kind="milestone") == []


def test_finding_hint_shows_a_rewritten_pattern() -> None:
    (finding,) = check_key_result("Launch 3 campaigns")
    assert '"launch"' in finding.message
    assert "→" in finding.hint and "from" in finding.hint
