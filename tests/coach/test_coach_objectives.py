"""Objective rules: each one fires on what it is for and stays quiet on sound objectives."""

from __future__ import annotations

import pytest

from okrdesk.coach import check_objective


def rules(text: str) -> list[str]:
    return [finding.rule for finding in check_objective(text)]


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_objective_is_an_error(text: str) -> None:
    findings = check_objective(text)
    assert [(f.rule, f.severity) for f in findings] == [("objective-empty", "error")]


@pytest.mark.parametrize(
    "text",
    [
        "Increase revenue by 20%",
        "Grow monthly active users to 50,000",
        "Cut costs by €2M",
        "Reach $1.2M in annual recurring revenue",
        "Sign three new school partnerships",
        "Double the number of regular donors",
        "Reduce readmissions by a third",
        "Make onboarding twice as fast",
        "Cut absenteeism in half",
        "Serve a dozen new villages",
        "Umsatz im Online-Shop um 15% steigern",
        "Увеличить выручку на 20%",
    ],
)
def test_numbers_in_an_objective_are_a_key_result_in_disguise(text: str) -> None:
    assert "objective-has-number" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Launch our first product for hospitals",
        "Delight first-time buyers",
        "Complete the ISO 27001 audit",  # a task, but the standard's name is no number
        "Make our B2B onboarding feel personal",
        "Give our Year 9 students a head start in coding",
        "Make our Q3 launch the smoothest we have had",
        "Own the 24/7 support experience for enterprise clients",
        "Bring our warehouse into the 21st century",
        "Deliver care in 2025 that patients trust",
        "Become the number one clinic app in the Nordics",
        "Turn one-off buyers into regulars",
        "Become a zero-waste kitchen",
        "Win the #1 spot for family doctors",
        "Recover from the COVID-19 slump in bookings",
    ],
)
def test_names_dates_and_pronouns_are_not_numbers(text: str) -> None:
    assert "objective-has-number" not in rules(text)


def test_number_message_quotes_what_the_user_wrote() -> None:
    (finding,) = check_objective("Sign three new school partnerships")
    assert '"three"' in finding.message or '"3"' in finding.message
    assert "key result" in finding.hint


@pytest.mark.parametrize(
    "text",
    [
        "Finish the CRM migration",
        "Implement the new HR system",
        "Complete the annual audit",
        "Migrate all servers to the cloud",
        "Roll out the new onboarding handbook",
        "Set up a new finance dashboard",
        "To finish the warehouse move",
        "We will implement single sign-on",
        "Replace the old phone system",
        "Send the donor newsletter",
        "Deliver the Q2 roadmap",
        "Hire a new CTO",
        "Get ISO 9001 certified",
    ],
)
def test_objective_that_reads_as_a_task_is_flagged(text: str) -> None:
    assert "objective-is-task" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Launch our first product for hospitals",
        "Build a volunteer base that stays with us for years",
        "Deliver every parcel when we said we would",
        "Replace guesswork with data in our buying decisions",
        "Rebuild trust with tenants after the winter heating failures",
        "Create a culture where people speak up",
        "Run my first marathon feeling strong",
        "Ship a mobile app our field technicians enjoy using",
        "Develop leaders from within",
        "Send every callout the right technician with the right parts",
    ],
)
def test_outcome_objectives_starting_with_a_verb_are_not_tasks(text: str) -> None:
    assert rules(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Improve things",
        "Work on customer retention",
        "Do better at communication",
        "Improve processes",
        "Increase efficiency",
        "Focus on quality",
        "Continue to support our partners",
        "Try to be more productive",
        "Get better at sales",
        "Be more agile",
        "Increase productivity and efficiency",
        "Sort out the IT stuff",
        "Have a great year",
        "Improve customer satisfaction",
    ],
)
def test_vague_objective_is_flagged(text: str) -> None:
    assert rules(text) == ["objective-is-vague"]


@pytest.mark.parametrize(
    "text",
    [
        "Improve the quality of our hospital discharge letters",
        "Make checkout effortless on mobile",
        "Keep customer data safe as we grow",
        "Get more donated food to families before it spoils",
        "Grow our presence in the Benelux market",
    ],
)
def test_specific_objectives_are_not_vague(text: str) -> None:
    assert rules(text) == []


def test_long_objective_is_info_only() -> None:
    text = (
        "Make the product better and improve how we work with sales and marketing so that "
        "customers are happier"
    )
    findings = check_objective(text)
    assert [(f.rule, f.severity) for f in findings] == [("objective-too-long", "info")]
    assert "18 words" in findings[0].message


def test_two_sentences_are_too_long_even_when_short() -> None:
    (finding,) = check_objective("Delight buyers. Grow the brand.")
    assert finding.rule == "objective-too-long"
    assert "2 sentences" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Make every release boring and safe",
        "Win the trust of mid-sized hospitals in the U.S. market",
        "Help every pupil leave primary school reading with confidence",  # 10 words
    ],
)
def test_short_single_sentence_is_not_too_long(text: str) -> None:
    assert "objective-too-long" not in rules(text)


def test_fifteen_words_is_the_limit() -> None:
    fifteen = " ".join(["word"] * 15)
    assert "objective-too-long" not in rules(fifteen)
    assert "objective-too-long" in rules(fifteen + " more")
