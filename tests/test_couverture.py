"""Every rule of the texts traced to code and tests: the checks of docs/couverture.yaml, each shown to fail."""

import copy
import re

import pytest

from openfisca_gen import couverture
from openfisca_gen.cli import main

ENTREES = couverture.lire_couverture()
TEXTE_FONDATEUR = (couverture.RACINE / couverture.TEXTE_FONDATEUR).read_text(encoding="utf-8")


def entree(**champs) -> dict:
    """A sound entry of the seed's ceiling, with some fields changed."""
    base = {
        "id": "plafond",
        "source": couverture.TEXTE_FONDATEUR,
        "quote": "dans un plafond de 70 K€.",
        "rule": "The seed funding of one labelled training is capped at 70 000 €.",
        "encoded_by": ["financement_amorcage.plafond", "financement_amorcage"],
        "tests": ["tests/financement_amorcage/financement_amorcage.yaml"],
        "confidence": "seed",
        "status": "modelled",
    }
    return base | champs


# The shipped coverage file


def test_every_entry_has_exactly_the_keys_a_known_confidence_and_a_status():
    assert couverture.erreurs_de_forme(ENTREES) == []


def test_every_quote_is_verbatim_in_its_stored_source():
    assert couverture.erreurs_de_citation(ENTREES) == []


def test_every_name_that_encodes_a_rule_is_a_variable_or_a_parameter(tax_benefit_system):
    assert couverture.erreurs_de_noms(ENTREES, tax_benefit_system) == []


def test_every_modelled_rule_has_a_test_that_asserts_it(tax_benefit_system):
    assert couverture.erreurs_de_tests(ENTREES, variables=set(tax_benefit_system.variables)) == []


def test_every_variable_and_parameter_encodes_some_rule(tax_benefit_system):
    assert couverture.noms_sans_entree(ENTREES, tax_benefit_system) == []


def test_every_number_and_rule_word_of_the_founding_text_is_quoted():
    assert couverture.passages_non_cites(ENTREES, TEXTE_FONDATEUR) == []


def test_the_quotes_keep_the_seed_spelling():
    citations = " ".join(
        couverture.normaliser(e["quote"]) for e in ENTREES if e["source"] == couverture.TEXTE_FONDATEUR
    )
    for graphie in ("droit de commun", "au moins égal à six mois", "inférieurs à six mois", "Public visité", "l’accès"):
        assert graphie in citations


def test_every_stored_source_but_the_seed_says_where_and_when_it_was_read():
    for chemin in sorted((couverture.RACINE / "docs" / "sources").glob("*.txt")):
        if chemin.name == "communique-2015-09-17.txt":
            continue
        lignes = chemin.read_text(encoding="utf-8").splitlines()
        assert couverture.SEPARATEUR in lignes and couverture.extraits(chemin).strip(), chemin.name
        entete = lignes[: lignes.index(couverture.SEPARATEUR)]
        cles = [re.match(r"(\w+): ", ligne).group(1) for ligne in entete if re.match(r"\w+: ", ligne)]
        assert cles == ["URL", "Title", "Read", "Status"], chemin.name


# Each check fails on a deliberately broken entry


def test_a_sound_entry_passes_every_check(tax_benefit_system):
    entrees = [entree()]
    assert couverture.erreurs_de_forme(entrees) == []
    assert couverture.erreurs_de_citation(entrees) == []
    assert couverture.erreurs_de_noms(entrees, tax_benefit_system) == []
    assert couverture.erreurs_de_tests(entrees) == []


@pytest.mark.parametrize(
    ("casse", "attendu"),
    [
        ({"confidence": "certain"}, "confidence 'certain'"),
        ({"status": "modeled"}, "status must be"),
        ({"status": "not modelled: "}, "status must be"),
        ({"quote": ""}, "quote must be a non-empty text"),
        ({"tests": "tests/x.yaml"}, "tests must be a list"),
        ({"source": "README.md"}, "source must be a file under docs/sources/ or a URL"),
        ({"extra": 1}, "unknown key(s) extra"),
    ],
)
def test_the_form_check_names_a_broken_field(casse, attendu):
    (erreur,) = couverture.erreurs_de_forme([entree(**casse)])
    assert attendu in erreur and "'plafond'" in erreur


def test_the_form_check_names_a_missing_key_and_a_repeated_id():
    sans_tests = entree()
    del sans_tests["tests"]
    assert couverture.erreurs_de_forme([sans_tests]) == ["entry 'plafond': missing key(s) tests"]
    assert couverture.erreurs_de_forme([entree(), entree()]) == ["entry 'plafond': the id is used twice"]
    assert couverture.erreurs_de_forme([]) and couverture.erreurs_de_forme({"id": "x"})


@pytest.mark.parametrize(
    "citation_corrigee",
    [
        "ouvrant droit à des financements de droit commun.",  # the seed says "de droit de commun"
        "si elle se déroule sur une durée au moins égale à six mois",  # the seed says "égal"
        "pour les formations inférieures à six mois",  # the seed says "inférieurs"
        "Public visé : des objectifs nationaux",  # the seed says "visité"
        "En outre, la labellisation permettra l'accès à un financement d'amorçage",  # straight apostrophes
    ],
)
def test_the_quote_check_catches_the_seed_corrected(citation_corrigee):
    (erreur,) = couverture.erreurs_de_citation([entree(quote=citation_corrigee)])
    assert "not verbatim in communique-2015-09-17.txt" in erreur


def test_the_quote_check_ignores_only_whitespace():
    # The seed has a non-breaking space before its colons; a line break in the quote is still the same words.
    assert couverture.erreurs_de_citation([entree(quote="Sous trois ans :\n200 fabriques")]) == []
    assert couverture.erreurs_de_citation([entree(quote="Sous trois ans : 200fabriques")]) != []


def test_a_url_source_is_checked_against_its_stored_excerpts():
    url = "https://www.alterway.fr/la-grande-ecole-du-numerique-est-lancee"
    assert couverture.erreurs_de_citation([entree(source=url, quote="entre 3 et 24 mois")]) == []
    assert couverture.erreurs_de_citation([entree(source=url, quote="entre 3 et 18 mois")]) != []
    (erreur,) = couverture.erreurs_de_citation([entree(source="https://example.org/absent", quote="x")])
    assert "no stored excerpt" in erreur


def test_a_quote_found_only_in_an_excerpt_not_re_read_is_refused():
    source = "docs/sources/letudiant-2015.txt"
    (erreur,) = couverture.erreurs_de_citation([entree(source=source, quote="de trois mois à deux ans")])
    assert "not verbatim in letudiant-2015.txt" in erreur
    relu = "Elle prendra la forme d’un label attribué à des formations courtes"
    assert couverture.erreurs_de_citation([entree(source=source, quote=relu)]) == []
    assert "de trois mois à deux ans" in couverture.extraits(couverture.RACINE / source, non_relus=True)


def test_a_quote_is_looked_for_in_the_excerpts_not_the_header():
    (erreur,) = couverture.erreurs_de_citation([entree(source="docs/sources/alterway-2016.txt", quote="Alter Way")])
    assert "not verbatim" in erreur


def test_the_name_check_catches_an_unknown_name_and_accepts_a_node(tax_benefit_system):
    entrees = [entree(encoded_by=["financement_amorcage_total", "financement_amorcage.taux_", "calendrier"])]
    assert couverture.erreurs_de_noms(entrees, tax_benefit_system) == [
        "entry 'plafond': 'financement_amorcage_total' is neither a variable nor a parameter",
        "entry 'plafond': 'financement_amorcage.taux_' is neither a variable nor a parameter",
    ]


@pytest.mark.parametrize(
    ("casse", "attendu"),
    [
        ({"tests": []}, "a modelled rule has no test"),
        (
            {"tests": ["tests/financement_amorcage/absent.yaml"]},
            "'tests/financement_amorcage/absent.yaml' does not exist",
        ),
        ({"tests": ["tests/publics_cibles/parts.yaml"]}, "none of its test files asserts"),
        ({"encoded_by": [], "tests": ["tests/publics_cibles/parts.yaml"]}, "must name the variables or parameters"),
        # Named in the file, but only as an input of its cases: nothing asserts it.
        ({"encoded_by": ["budget_session"]}, "none of its test files asserts budget_session"),
        # A parameter alone is never under `output:`: the entry must name a variable it feeds.
        ({"encoded_by": ["financement_amorcage.plafond"]}, "names parameters only"),
    ],
)
def test_the_test_check_catches_a_modelled_rule_without_a_real_test(tax_benefit_system, casse, attendu):
    erreurs = couverture.erreurs_de_tests([entree(**casse)], variables=set(tax_benefit_system.variables))
    assert any(attendu in erreur for erreur in erreurs), erreurs


def test_a_yaml_case_asserts_its_outputs_and_a_pytest_module_names_them():
    sorties = couverture.sorties_des_cas(couverture.RACINE / "tests/objectifs/campagne.yaml")
    assert {"nombre_fabriques_labellisees", "objectif_femmes_atteint"} <= sorties
    assert "budget_session" not in sorties  # an input of its cases
    assert couverture.erreurs_de_tests([entree(tests=["tests/test_invariants.py"])]) == []


def test_a_rule_not_modelled_needs_no_test():
    assert couverture.erreurs_de_tests([entree(status="not modelled: a reason", tests=[], encoded_by=[])]) == []


def test_the_completeness_check_names_what_no_entry_encodes(tax_benefit_system):
    entrees = [
        e | {"encoded_by": [n for n in e["encoded_by"] if n != "financement_amorcage_structure"]} for e in ENTREES
    ]
    assert couverture.noms_sans_entree(entrees, tax_benefit_system) == ["financement_amorcage_structure"]
    par_noeud = [{"encoded_by": ["labellisation.statuts_eligibles"]}]
    assert "labellisation.statuts_eligibles.association" not in couverture.noms_sans_entree(
        par_noeud, tax_benefit_system
    )


def test_the_founding_text_check_names_what_no_quote_covers():
    sans_plafond = [e for e in ENTREES if e["quote"] != "dans un plafond de 70 K€."]
    assert [passage.split(" in ")[0] for passage in couverture.passages_non_cites(sans_plafond, TEXTE_FONDATEUR)] == [
        "'plafond'",
        "'70'",
    ]
    # A quote of another source does not cover the seed, even with the same words.
    ailleurs = copy.deepcopy(ENTREES)
    for e in ailleurs:
        if "200 fabriques" in e["quote"]:
            e["source"] = "docs/sources/alterway-2016.txt"
    assert any("'200'" in passage for passage in couverture.passages_non_cites(ailleurs, TEXTE_FONDATEUR))


# The table


def test_the_summary_counts_each_rule_once_by_confidence_and_status():
    table = couverture.resume(ENTREES)
    assert list(table.index) == [*couverture.CONFIANCES, "total"]
    assert table.loc["total", "total"] == len(ENTREES)
    assert table.loc["total", "modelled"] == sum(e["status"] == "modelled" for e in ENTREES)
    assert table.loc["seed", "not modelled"] == sum(
        e["confidence"] == "seed" and e["status"] != "modelled" for e in ENTREES
    )


def test_the_coverage_command_prints_the_table(capsys):
    assert main(["coverage"]) == 0
    lignes = capsys.readouterr().out.splitlines()
    assert lignes[1].split() == ["confidence", "modelled", "not", "modelled", "total"]
    total = couverture.resume(ENTREES).loc["total"]
    assert lignes[-1].split() == ["total", *map(str, total)]
