"""Language guess, and the promise that other languages never get English word rules."""

from __future__ import annotations

import pytest

from okrdesk.coach import check_initiative, check_key_result, check_objective, is_probably_english


@pytest.mark.parametrize(
    "text",
    [
        "Delight first-time buyers",
        "Launch 3 campaigns",
        "Cut cost per lead from €40 to €25",
        "Open a café in Kraków for our Polish customers",
        "Improve things",
        "NPS 30 → 45",
        "",
        "42",
    ],
)
def test_english_and_neutral_text_counts_as_english(text: str) -> None:
    assert is_probably_english(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kundenzufriedenheit von 70% auf 85% steigern",
        "Umsatz im Online-Shop um 15% steigern",
        "Zwiększyć liczbę klientów z 120 do 200",
        "Poprawić obsługę klienta",
        "Rendre l'inscription des élèves simple pour les familles",
        "Aumentar la tasa de conversión del 2% al 3,5%",
        "Увеличить выручку на 20%",
        "顧客満足度を高める",
        "Neue Website veröffentlichen",
    ],
)
def test_other_languages_and_scripts_are_recognised(text: str) -> None:
    assert not is_probably_english(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kundenzufriedenheit von 70% auf 85% steigern",
        "Zwiększyć liczbę klientów z 120 do 200",
        "Réduire le délai de réponse de 48 h à 24 h",
        "Aumentar la tasa de conversión del 2% al 3,5%",
        "Die Durchlaufzeit von 12 auf 8 Tage senken",
        "Zorganizować 3 warsztaty dla klientów",  # an activity, but we cannot judge Polish verbs
    ],
)
def test_foreign_key_results_with_numbers_get_no_word_rule_alarm(text: str) -> None:
    assert check_key_result(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Neue Website veröffentlichen",
        "Poprawić obsługę klienta",
        "Nouvelle politique de télétravail",
    ],
)
def test_foreign_key_results_without_numbers_are_still_not_measurable(text: str) -> None:
    assert [f.rule for f in check_key_result(text)] == ["key-result-not-measurable"]


@pytest.mark.parametrize(
    "text",
    [
        "Die erste Wahl für Hausarztpraxen in Bayern werden",
        "Stworzyć obsługę klienta, którą ludzie polecają znajomym",
        "Ser el banco preferido de los pequeños comercios",
        "Arbeiten an der Kundenbindung",  # vague in German, but English lists must not judge it
        "Стать лучшим банком для малого бизнеса",
    ],
)
def test_foreign_objectives_get_no_english_word_rules(text: str) -> None:
    assert check_objective(text) == []


def test_foreign_objectives_still_get_language_independent_rules() -> None:
    assert [f.rule for f in check_objective("Zwiększyć sprzedaż o 20%")] == ["objective-has-number"]
    long_german = (
        "Wir wollen in diesem Jahr gemeinsam mit allen Teams die Zufriedenheit unserer "
        "Kunden und Mitarbeitenden in allen Regionen deutlich und nachhaltig verbessern"
    )
    assert [f.rule for f in check_objective(long_german)] == ["objective-too-long"]


def test_foreign_initiatives_only_get_the_empty_rule() -> None:
    assert check_initiative("Kundenzufriedenheit von 70% auf 85% steigern") == []
    assert [f.rule for f in check_initiative("")] == ["initiative-empty"]
