"""Every rule has a source: labels, references and confidence notes are checked, not hoped for."""

import re

import pytest

from openfisca_gen.sources import textes_des_references

PLACEHOLDER = re.compile(r"^\s*$|todo|tbd|xxx|fixme|example\.(com|org)|https?://\.\.\.|^\.\.\.$|lorem", re.IGNORECASE)
CONFIDENCE = re.compile(r"Confidence: (seed|confirmed|disputed|inferred|convention)")


def assert_sourced(name, reference):
    texts = textes_des_references(reference)
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


def test_no_formula_is_dated_a_call_dates_the_rules(tax_benefit_system):
    """A formula dated from a call's month stood for 'no such rule before this call', but a reform may move the
    call: a first call opened in August 2015 had campaigns of no objective before September (0.7.7). A rule
    starts with its call's parameters, which the reform moves with it."""
    dates = {
        nom: list(variable.formulas)
        for nom, variable in tax_benefit_system.variables.items()
        if variable.formulas and list(variable.formulas) != ["0001-01-01"]
    }
    assert dates == {}


def test_every_dated_value_has_a_reference(tax_benefit_system):
    for parameter in leaf_parameters(tax_benefit_system):
        for value in parameter.values_list:
            assert_sourced(f"{parameter.name}@{value.instant_str}", value.metadata.get("reference"))


def test_each_value_of_a_later_call_cites_its_own_source(tax_benefit_system):
    """A value dated after the first call must not silently inherit the 2015 press release."""
    for parameter in leaf_parameters(tax_benefit_system):
        for value in parameter.values_list:
            if value.instant_str > "2015-09-17":
                cited = " ".join(textes_des_references(value.metadata.get("reference")))
                assert "17 septembre 2015" not in cited, (
                    f"{parameter.name}@{value.instant_str} has no source of its own"
                )


def test_every_applicable_condition_is_a_boolean_variable(tax_benefit_system):
    for condition in tax_benefit_system.parameters.labellisation.conditions.children:
        variable = tax_benefit_system.variables.get(condition)
        assert variable is not None, f"labellisation.conditions.{condition} names no variable"
        assert variable.value_type is bool and variable.entity.key == "formation"


SOURCE_CITEE = re.compile(r"\b((?:[a-z0-9-]+\.)+(?:fr|de|com|net|org|info))\b")


def sources_citees(texte: str) -> set[str]:
    """The web sources a documentation names (alterway.fr, lemondeinformatique.fr 65706, …), by domain."""
    return {domaine.removeprefix("www.") for domaine in SOURCE_CITEE.findall(texte or "")}


def references_de(parametre) -> str:
    textes = textes_des_references(parametre.metadata.get("reference"))
    for valeur in parametre.values_list:
        textes += textes_des_references(valeur.metadata.get("reference"))
    return " ".join(textes)


def test_every_source_a_documentation_quotes_is_in_its_references(tax_benefit_system):
    manquantes = []
    for parametre in tax_benefit_system.parameters.get_descendants():
        reference = references_de(parametre) if hasattr(parametre, "values_list") else ""
        reference += " ".join(textes_des_references(parametre.metadata.get("reference")))
        manquantes += [(parametre.name, s) for s in sources_citees(parametre.documentation) if s not in reference]
    for nom, variable in tax_benefit_system.variables.items():
        reference = " ".join(textes_des_references(variable.reference))
        manquantes += [(nom, s) for s in sources_citees(variable.documentation) if s not in reference]
    assert not manquantes, manquantes


def test_the_source_check_sees_a_missing_reference():
    assert sources_citees("confirmed (reussirmavie.net; www.alterway.fr)") == {"reussirmavie.net", "alterway.fr"}


def textes_stockes() -> str:
    """Every stored source's re-read excerpts (docs/sources/, headers and `[not re-read…]` excerpts left out),
    whitespace folded: what a quote can be checked against."""
    from openfisca_gen import DOCS_DIR
    from openfisca_gen.couverture import extraits

    return " ".join(" ".join(extraits(f).split()) for f in (DOCS_DIR / "sources").glob("*.txt"))


def citation(docstring: str) -> str | None:
    """The quote a formula's docstring opens with ('…'), or None."""
    trouvee = re.match(r"\s*'(.+?)'(?:\s*\(|,|\s*$)", " ".join((docstring or "").split()))
    return trouvee and trouvee.group(1)


def hors_des_sources(quote: str, textes: str) -> list[str]:
    """The pieces of a quote ('…' and '[…]' stand for left-out words) that no stored text contains."""
    morceaux = [m.strip() for m in re.split(r"\[…\]|…", quote) if m.strip()]
    return [m for m in morceaux if m not in textes]


def test_every_formula_quotes_its_text_verbatim(tax_benefit_system):
    textes = textes_stockes()
    fautes = {}
    for nom, variable in tax_benefit_system.variables.items():
        for formule in variable.formulas.values():
            quote = citation(formule.__doc__)
            if quote and hors_des_sources(quote, textes):
                fautes[nom] = hors_des_sources(quote, textes)
    assert not fautes, fautes


def test_the_quote_check_catches_a_corrected_spelling():
    textes = textes_stockes()
    assert citation("'…de droit de commun.' (seed)") == "…de droit de commun."
    assert not hors_des_sources("…financements de droit de commun. Ce financement est fixé à 50% du budget…", textes)
    assert hors_des_sources("…reconnaissances ouvrant droit à des financements de droit commun…", textes)
    assert hors_des_sources("…une durée au moins égale à six mois…", textes)


# Readings scoped to their calls; conventions apart; moved names kept for one minor version


def test_each_reading_starts_and_ends_at_a_call_and_the_interpretations_page_says_which(tax_benefit_system):
    """A switch's values start on a call's opening day, are booleans where it concerns the call and null where it
    does not; docs/interpretations.md lists the calls each concerns, as derived from those values."""
    from openfisca_gen import DOCS_DIR
    from openfisca_gen.helpers import appels_concernes, ouvertures_des_appels
    from openfisca_gen.interpretations import interrupteurs, nom_court

    ouvertures = {appel.instant_str for appel in ouvertures_des_appels(tax_benefit_system.parameters)}
    page = (DOCS_DIR / "interpretations.md").read_text(encoding="utf-8")
    cellules = [ligne.split("|") for ligne in page.splitlines() if ligne.startswith("| `")]
    lignes = {cellule[1].strip(" `"): cellule[2].strip() for cellule in cellules}
    switches = interrupteurs(tax_benefit_system)
    assert len(switches) == len(lignes) >= 12
    for parametre in switches:
        assert {valeur.instant_str for valeur in parametre.values_list} <= ouvertures, parametre.name
        appels = appels_concernes(tax_benefit_system.parameters, parametre.name)
        assert appels, f"{parametre.name} concerns no call"
        assert lignes[nom_court(parametre)] == ", ".join(map(str, appels)), parametre.name
    noms = {nom_court(p) for p in switches}
    assert "sans_decision_formation_eligible_labellisee" not in noms  # a convention, not a reading


def test_the_calls_a_reading_concerns_come_from_its_values(tax_benefit_system):
    from openfisca_gen.helpers import appels_concernes

    def appels(nom):
        return appels_concernes(tax_benefit_system.parameters, f"interpretations.{nom}")

    assert appels("conditions.part_femmes_suffisante") == appels("fabrique_par_structure") == [1, 2]
    assert appels("plafond_2018_celui_des_appels_precedents") == appels("objectifs_nationaux_2015_maintenus_en_2018")
    assert appels("regle_des_sessions_maintenue_en_2018") == [3]
    assert appels("financements_droit_commun_mettent_fin_a_l_amorcage") == [1, 2, 3]


def test_every_convention_says_it_is_one(tax_benefit_system):
    conventions = [p for p in leaf_parameters(tax_benefit_system) if p.name.startswith("conventions.")]
    assert conventions
    for parametre in conventions:
        assert "Confidence: convention" in parametre.documentation, parametre.name


def test_a_moved_parameter_keeps_its_old_path_until_the_next_minor_version(tax_benefit_system):
    from openfisca_gen.reforms import appliquer_reforme, lectures
    from openfisca_gen.reforms.parametriques import CHEMINS_RENOMMES

    ancien = "interpretations.sans_decision_formation_eligible_labellisee"
    nouveau = CHEMINS_RENOMMES[ancien]
    with pytest.warns(DeprecationWarning, match=nouveau):
        reforme = appliquer_reforme(tax_benefit_system, {ancien: {"2015-09-17": False}})
    assert reforme.parameters.conventions.sans_decision_formation_eligible_labellisee("2016-01-01") is False
    with pytest.warns(DeprecationWarning, match="0.8"):
        reforme = lectures.sans_decision_formation_eligible_labellisee(tax_benefit_system)
    assert reforme.parameters.conventions.sans_decision_formation_eligible_labellisee("2016-01-01") is False
    assert "sans_decision_formation_eligible_labellisee" not in lectures.LECTURES


CITATION_DOCUMENTEE = re.compile(r"«\s*(.+?)\s*»|\"(.+?)\"")


def citations_documentees(tax_benefit_system):
    """Each («…» or "…") quote of a parameter's or a variable's documentation, with the name it documents."""
    documentations = [(p.name, p.documentation) for p in tax_benefit_system.parameters.get_descendants()]
    documentations += [(nom, v.documentation) for nom, v in tax_benefit_system.variables.items()]
    for nom, documentation in documentations:
        for trouvee in CITATION_DOCUMENTEE.finditer(" ".join((documentation or "").split())):
            yield nom, trouvee.group(1) or trouvee.group(2)


def test_every_quote_in_a_documentation_is_verbatim_in_a_stored_source(tax_benefit_system):
    """Quotes keep the source's own characters (’ where it has ’); « » and " " quote sources, nothing else."""
    textes = textes_stockes()
    fautes = {(nom, cite) for nom, cite in citations_documentees(tax_benefit_system) if hors_des_sources(cite, textes)}
    assert not fautes, sorted(fautes)


def test_no_rule_rests_on_an_excerpt_that_was_not_re_read():
    """letudiant-2015.txt keeps two excerpts quoted from the project's brief, marked `[not re-read…]`: a
    documentation or formula quoting only them fails, as the headers' words do."""
    textes = textes_stockes()
    assert hors_des_sources("aucun prérequis académique ne pourra être exigé", textes)
    assert hors_des_sources("Status: re-read", textes)
    assert not hors_des_sources("formations courtes ouvertes en priorité à de jeunes décrocheurs", textes)


def test_the_documentation_quote_check_catches_a_straightened_apostrophe():
    textes = textes_stockes()
    assert not hors_des_sources("L’enveloppe allouée à ce second appel est de 10 millions d’euros.", textes)
    assert hors_des_sources("L'enveloppe allouée à ce second appel est de 10 millions d'euros.", textes)
    assert [m.group(1) for m in CITATION_DOCUMENTEE.finditer('« a » and "b"')] == ["a", None]
