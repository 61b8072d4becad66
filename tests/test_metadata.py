"""Every rule has a source: labels, references and confidence notes are checked, not hoped for."""

import re

import pytest

PLACEHOLDER = re.compile(r"^\s*$|todo|tbd|xxx|fixme|example\.(com|org)|https?://\.\.\.|^\.\.\.$|lorem", re.IGNORECASE)
CONFIDENCE = re.compile(r"Confidence: (seed|confirmed|disputed|inferred)")


def references(reference):
    """The reference texts of a variable or parameter, whatever shape OpenFisca allows."""
    if reference is None:
        return []
    if isinstance(reference, str):
        return [reference]
    if isinstance(reference, dict):
        return [reference.get("href") or reference.get("title") or ""]
    return [text for item in reference for text in references(item)]


def assert_sourced(name, reference):
    texts = references(reference)
    assert texts, f"{name} has no reference"
    for text in texts:
        assert not PLACEHOLDER.search(text), f"{name} has a placeholder reference: {text!r}"


def leaf_parameters(tax_benefit_system):
    return [p for p in tax_benefit_system.parameters.get_descendants() if hasattr(p, "values_list")]


def test_every_variable_has_a_label_a_source_and_a_confidence(tax_benefit_system):
    for name, variable in tax_benefit_system.variables.items():
        assert variable.label and not PLACEHOLDER.search(variable.label), f"{name} has no label"
        assert_sourced(name, variable.reference)
        assert CONFIDENCE.search(variable.documentation or ""), f"{name} does not state its confidence level"


def test_every_parameter_has_a_description_a_unit_a_source_and_a_confidence(tax_benefit_system):
    parameters = leaf_parameters(tax_benefit_system)
    assert len(parameters) > 20
    for parameter in parameters:
        assert parameter.description, f"{parameter.name} has no description"
        assert parameter.metadata.get("unit"), f"{parameter.name} has no unit"
        assert_sourced(parameter.name, parameter.metadata.get("reference"))
        assert CONFIDENCE.search(parameter.documentation or ""), f"{parameter.name} does not state its confidence"


@pytest.mark.parametrize("reference", ["", "TODO", "https://...", "http://example.com/x", [], [{"title": "tbd"}]])
def test_the_check_rejects_placeholders(reference):
    with pytest.raises(AssertionError):
        assert_sourced("x", reference)


def test_rules_start_in_the_month_the_first_call_opens(tax_benefit_system):
    """Dated formulas stand for 'no rule before the first call': they must start in its month."""
    ouverture = tax_benefit_system.parameters.calendrier.date_ouverture.values_list[-1]
    premier_mois = ouverture.value[:7] + "-01"
    assert ouverture.instant_str == ouverture.value == "2015-09-17"
    starts = {
        name: next(iter(variable.formulas))
        for name, variable in tax_benefit_system.variables.items()
        if variable.formulas and next(iter(variable.formulas)) != "0001-01-01"
    }
    assert starts, "no dated formula found"
    assert set(starts.values()) == {premier_mois}, starts


def test_every_applicable_condition_is_a_boolean_variable(tax_benefit_system):
    for condition in tax_benefit_system.parameters.labellisation.conditions.children:
        variable = tax_benefit_system.variables.get(condition)
        assert variable is not None, f"labellisation.conditions.{condition} names no variable"
        assert variable.value_type is bool and variable.entity.key == "formation"
