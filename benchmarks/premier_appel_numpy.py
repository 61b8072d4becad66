"""The reference of the population benchmarks: a population built here, outside the project, and the first
call's rules (2015) written by hand in numpy, as well as one can write them.

The population: `nombre` trainings of the first call in structures of 1 to 4, one campaign; some dossiers filed
before the call opens or after its deadline, some trades outside the digital ones, durations outside 3 to 24
months, budgets that overrun a structure's ceiling, committee decisions recorded for some dossiers, common-law
funding obtained by a few.

The rules (`calculer`), for the default readings of the first call: eligibility (the call window, a digital
trade, free, no academic prerequisite, innovative teaching, a duration within bounds, an eligible status),
labelled (the committee's decision, or eligible without one), the seed funding (rate x budget x sessions, one
session from the duration threshold, two below; none once common-law funding is obtained), the structure's
ceiling shared in proportion to its trainings' amounts, and the campaign's count, learners, shares, objectives
and cost. Every value is read from the model's parameters (`regles_du_premier_appel`), none is copied here; the
reference refuses rules that switch a reading it does not write.

It reads the typed arrays the simulation holds (`tableaux`, outside the timed part: filing dates as integer days,
enums as codes, each training's structure as a code), and takes every shortcut a hand-written program may: one
campaign, so its totals are plain sums; a status check skipped when every status is eligible. A structure's
funding is the sum of its trainings', snapped as the model snaps it (min(total, ceiling) differs from it in the
last digits, where no millionth is near). `depuis_csv` gives the same arrays from a CSV file by
pandas alone: the numpy path the memory benchmark holds the model's against.
"""

import numpy
import pandas
from openfisca_core import periods

from openfisca_gen.helpers import conditions_applicables, ouvertures_des_appels, regles_ouvertes
from openfisca_gen.population import POPULATIONS

PERIODE = POPULATIONS["appel_2015"]["periode"]  # the first call's own month, as for its bundled population
CONDITIONS = {
    "dossier_depose_dans_les_delais",
    "duree_formation_eligible",
    "formation_gratuite",
    "formation_metier_numerique",
    "pedagogie_innovante",
    "sans_prerequis_academique",
    "statut_structure_eligible",
}
# What an analyst reads: per training, per structure, for the campaign. Computed by both paths, compared.
VARIABLES = (
    "eligible_labellisation",
    "labellisee",
    "financement_amorcage",
    "financement_amorcage_structure",
    "nombre_formations_labellisees",
    "nombre_apprenants_campagne",
    "part_femmes_campagne",
    "part_jeunes_neet_peu_qualifies_campagne",
    "objectif_femmes_atteint",
    "objectif_jeunes_neet_peu_qualifies_atteint",
    "cout_financement_amorcage_campagne",
    "financement_amorcage_dans_l_enveloppe",
)


def population(nombre: int, graine: int = 0) -> pandas.DataFrame:
    """A table of `nombre` trainings of the first call, one row each, with the model's input columns."""
    alea = numpy.random.default_rng(graine)
    structure = numpy.repeat(numpy.arange(nombre), alea.integers(1, 5, nombre))[:nombre]
    statuts = numpy.array(["association", "entreprise_privee", "etablissement_public", "autre"])
    metiers = numpy.array(["developpeur_web", "integrateur_logiciel", "codeur", "graphiste_web", "webmaster",
                           "community_manager", "autre_metier_numerique", "hors_numerique"])  # fmt: skip
    decisions = numpy.array(["non_rendue", "labellisee", "refusee"])
    apprenants = alea.integers(8, 31, nombre)
    return pandas.DataFrame(
        {
            "formation_id": numpy.char.add("f", numpy.arange(nombre).astype(str)),
            "structure_id": numpy.char.add("s", structure.astype(str)),
            "campagne_id": "appel_2015",
            "statut_structure": statuts[alea.choice(4, structure[-1] + 1, p=[0.44, 0.34, 0.13, 0.09])][structure],
            "date_depot_dossier": numpy.datetime64("2015-09-14") + alea.integers(0, 39, nombre).astype("m8[D]"),
            "metier_vise": metiers[alea.choice(8, nombre, p=[0.3, 0.1, 0.15, 0.1, 0.1, 0.1, 0.1, 0.05])],
            "formation_gratuite": alea.random(nombre) < 0.97,
            "prerequis_academiques_exiges": alea.random(nombre) < 0.04,
            "pedagogie_innovante": alea.random(nombre) < 0.96,
            "duree_formation_mois": numpy.round(alea.uniform(2, 26, nombre), 1),
            "budget_session": numpy.round(alea.uniform(20_000, 200_000, nombre), -2),
            "nombre_apprenants": apprenants,
            "nombre_femmes": alea.binomial(apprenants, 0.25),
            "nombre_jeunes_neet_peu_qualifies": alea.binomial(apprenants, 0.31),
            "nombre_residents_qpv": alea.binomial(apprenants, 0.17),
            "decision_comite_labellisation": decisions[alea.choice(3, nombre, p=[0.7, 0.2, 0.1])],
            "financements_droit_commun_obtenus": alea.random(nombre) < 0.05,
        }
    )


def regles_du_premier_appel(tax_benefit_system) -> dict:
    """The first call's rules, as the values the reference reads: from the parameters in force on the call's
    opening day. Refuses rules the reference does not write (another call open, a reading switched)."""
    parametres = tax_benefit_system.parameters
    ouverts = regles_ouvertes(parametres, tax_benefit_system.get_parameters_at_instant, periods.period(PERIODE))
    assert len(ouverts) == 1, "the reference writes the first call alone"
    r = tax_benefit_system.get_parameters_at_instant(ouvertures_des_appels(parametres)[0].instant_str)
    assert set(conditions_applicables(r, r)) == CONDITIONS, "the reference writes the first call's conditions"
    lectures = r.interpretations
    assert lectures.plafond_par_structure and not lectures.dotation_forfaitaire_par_structure
    assert not lectures.duree_maximale_selon_le_ministre
    variables = tax_benefit_system.variables
    statuts = variables["statut_structure"].possible_values
    decisions = variables["decision_comite_labellisation"].possible_values
    financement = r.financement_amorcage
    return {
        "ouverture": _jour(r.calendrier.date_ouverture),
        "cloture": max(map(_jour, r.calendrier.dates_limites_depot)),
        "hors_numerique": variables["metier_vise"].possible_values.hors_numerique.index,
        "duree_min": r.labellisation.duree_formation.minimum_mois,
        "duree_max": r.labellisation.duree_formation.maximum_mois,
        "statuts_eligibles": numpy.array([r.labellisation.statuts_eligibles[s.name] for s in statuts]),
        "sans_decision_labellisee": r.conventions.sans_decision_formation_eligible_labellisee,
        "labellisee": decisions.labellisee.index,
        "refusee": decisions.refusee.index,
        "droit_commun_met_fin": lectures.financements_droit_commun_mettent_fin_a_l_amorcage,
        "seuil": financement.seuil_duree_mois,
        "sessions_au_dela": financement.sessions_financees.duree_au_moins_egale_au_seuil,
        "sessions_en_deca": financement.sessions_financees.duree_inferieure_au_seuil,
        "taux": financement.taux,
        "plafond_structure": financement.plafond,
        "enveloppe": financement.enveloppe,
        "objectif_femmes": r.publics_cibles.objectifs_nationaux.part_femmes,
        "objectif_neet": r.publics_cibles.objectifs_nationaux.part_jeunes_neet_peu_qualifies,
    }


def _jour(jour) -> int:
    """A day as the number of days since 1970-01-01, as `tableaux` holds the filing dates."""
    return int(numpy.datetime64(jour, "D").astype(numpy.int64))


def tableaux(table: pandas.DataFrame, structures: numpy.ndarray, nombre_structures: int) -> dict:
    """The typed arrays the simulation holds, from a validated table (`Population.table`) and each row's
    structure code: built once, outside the timed part."""
    statut = numpy.zeros(nombre_structures, dtype=numpy.int16)
    statut[structures] = table["statut_structure"].to_numpy()

    def colonne(nom, type_=None):
        return numpy.ascontiguousarray(table[nom].to_numpy(dtype=type_))

    return {
        "jour_depot": colonne("date_depot_dossier", "datetime64[D]").view(numpy.int64),  # days since 1970
        "metier": colonne("metier_vise"),
        "gratuite": colonne("formation_gratuite"),
        "prerequis": colonne("prerequis_academiques_exiges"),
        "pedagogie": colonne("pedagogie_innovante"),
        "duree": colonne("duree_formation_mois"),
        "budget": colonne("budget_session"),
        "apprenants": colonne("nombre_apprenants"),
        "femmes": colonne("nombre_femmes"),
        "neet": colonne("nombre_jeunes_neet_peu_qualifies"),
        "decision": colonne("decision_comite_labellisation"),
        "droit_commun": colonne("financements_droit_commun_obtenus"),
        "structure": numpy.ascontiguousarray(structures, dtype=numpy.intp),
        "statut": statut,
    }


def depuis_csv(chemin, tax_benefit_system) -> dict:
    """The arrays `tableaux` gives and the trainings' ids, read from a CSV of `population` by pandas alone, typed
    as it reads (enums as categories of the model's names, counts as int32), without validation: the numpy path
    of the memory benchmark."""
    variables = tax_benefit_system.variables
    enums = {nom: pandas.CategoricalDtype([v.name for v in variables[nom].possible_values])
             for nom in ("statut_structure", "metier_vise", "decision_comite_labellisation")}  # fmt: skip
    comptes = ("nombre_apprenants", "nombre_femmes", "nombre_jeunes_neet_peu_qualifies")
    colonnes = ["formation_id", "structure_id", "date_depot_dossier", "formation_gratuite",
                "prerequis_academiques_exiges", "pedagogie_innovante", "duree_formation_mois", "budget_session",
                "financements_droit_commun_obtenus", *enums, *comptes]  # fmt: skip
    types = {"formation_id": str, **enums, **dict.fromkeys(comptes, "int32")}
    table = pandas.read_csv(chemin, usecols=colonnes, dtype=types)
    structures, ids = pandas.factorize(table["structure_id"])
    statut = numpy.zeros(len(ids), dtype=numpy.int8)
    statut[structures] = table["statut_structure"].cat.codes.to_numpy()
    jours = pandas.to_datetime(table["date_depot_dossier"], format="%Y-%m-%d").to_numpy("datetime64[D]")
    return {
        "ids": table["formation_id"].to_numpy(),  # what the outputs are keyed by, as the model's are
        "jour_depot": jours.view(numpy.int64),
        "metier": table["metier_vise"].cat.codes.to_numpy(),
        "gratuite": table["formation_gratuite"].to_numpy(),
        "prerequis": table["prerequis_academiques_exiges"].to_numpy(),
        "pedagogie": table["pedagogie_innovante"].to_numpy(),
        "duree": table["duree_formation_mois"].to_numpy(),
        "budget": table["budget_session"].to_numpy(),
        "apprenants": table["nombre_apprenants"].to_numpy(),
        "femmes": table["nombre_femmes"].to_numpy(),
        "neet": table["nombre_jeunes_neet_peu_qualifies"].to_numpy(),
        "decision": table["decision_comite_labellisation"].cat.codes.to_numpy(),
        "droit_commun": table["financements_droit_commun_obtenus"].to_numpy(),
        "structure": structures.astype(numpy.intp, copy=False),
        "statut": statut,
    }


def calculer(a: dict, r: dict) -> dict:
    """The first call's rules on the typed arrays `a` (`tableaux`) under the rules `r`: the VARIABLES. Written for
    speed: days compared as integers, booleans combined in place, one pass per step where numpy allows it."""
    jour, duree, structure = a["jour_depot"], a["duree"], a["structure"]
    eligible = jour >= r["ouverture"]
    eligible &= jour <= r["cloture"]
    eligible &= a["metier"] != r["hors_numerique"]
    eligible &= a["gratuite"]
    eligible &= a["pedagogie"]
    numpy.greater(eligible, a["prerequis"], out=eligible)  # and no prerequisite: a > b is a & ~b for booleans
    eligible &= duree >= r["duree_min"]
    eligible &= duree <= r["duree_max"]
    if not r["statuts_eligibles"].all():  # every status is eligible in 2015: a program would skip the check
        eligible &= r["statuts_eligibles"][a["statut"]][structure]
    # Labelled: eligible, and the committee did not refuse (with no decision counting as labelled), or labelled it.
    retenue = a["decision"] != r["refusee"] if r["sans_decision_labellisee"] else a["decision"] == r["labellisee"]
    labellisee = eligible & retenue
    financee = numpy.greater(labellisee, a["droit_commun"]) if r["droit_commun_met_fin"] else labellisee
    # Rate x sessions as one factor per training (a float where: one pass), then x budget, x funded, in place.
    montant = numpy.where(duree >= r["seuil"], r["taux"] * r["sessions_au_dela"], r["taux"] * r["sessions_en_deca"])
    montant *= a["budget"]
    montant *= financee  # budgets are validated non-negative: no clipping at 0
    # The ceiling on a structure's total (snapped to the millionth of a euro), shared in proportion: each training
    # keeps plafond / max(total, plafond) of its amount (1 where the total is within it); the structure gets the
    # sum of its trainings' funding, snapped.
    nombre_structures = a["statut"].size
    membres = numpy.bincount(structure, minlength=nombre_structures)
    total = _au_millionieme(numpy.bincount(structure, montant, minlength=nombre_structures), membres)
    plafond = r["plafond_structure"]
    financement = montant * (plafond / numpy.maximum(total, plafond)).take(structure)  # twice as fast as [...]
    numpy.fmin(financement, plafond, out=financement)  # amount x (plafond / amount) may be plafond + 1 ulp
    par_structure = _au_millionieme(numpy.bincount(structure, financement, minlength=nombre_structures), membres)
    # One campaign: its totals are sums over the labelled trainings.
    apprenants = int((a["apprenants"] * labellisee).sum())
    femmes, neet = int((a["femmes"] * labellisee).sum()), int((a["neet"] * labellisee).sum())
    part_femmes = femmes / apprenants if apprenants else 0.0
    part_neet = neet / apprenants if apprenants else 0.0
    cout = _au_millionieme(numpy.array([par_structure.sum()]), structure.size)[0]
    return {
        "eligible_labellisation": eligible,
        "labellisee": labellisee,
        "financement_amorcage": financement,
        "financement_amorcage_structure": par_structure,
        "nombre_formations_labellisees": numpy.count_nonzero(labellisee),
        "nombre_apprenants_campagne": apprenants,
        "part_femmes_campagne": part_femmes,
        "part_jeunes_neet_peu_qualifies_campagne": part_neet,
        "objectif_femmes_atteint": part_femmes >= r["objectif_femmes"],
        "objectif_jeunes_neet_peu_qualifies_atteint": part_neet >= r["objectif_neet"],
        "cout_financement_amorcage_campagne": cout,
        "financement_amorcage_dans_l_enveloppe": cout <= r["enveloppe"],
    }


def _au_millionieme(total, nombres):
    """Sums of amounts, each of `nombres` amounts, snapped to the millionth of a euro where they are within what
    float64 may have added to them, as the model counts a sum of amounts."""
    millioniemes = total * 1e6
    arrondis = numpy.rint(millioniemes)
    millioniemes -= arrondis
    numpy.abs(millioniemes, out=millioniemes)
    erreur = arrondis * (nombres * 2.0**-52)
    return numpy.divide(arrondis, 1e6, out=total, where=millioniemes <= erreur)


def comparer(modele: dict, reference: dict) -> None:
    """Assert the two paths give the same results: exactly, but for the sums of amounts over many trainings,
    which agree to 1e-12 (numpy sums pairwise, OpenFisca in order)."""
    for nom in VARIABLES:
        attendu = numpy.atleast_1d(reference[nom])
        obtenu = numpy.asarray(modele[nom])
        assert obtenu.shape == attendu.shape, (nom, obtenu.shape, attendu.shape)
        if nom in ("cout_financement_amorcage_campagne", "financement_amorcage_structure"):
            numpy.testing.assert_allclose(obtenu, attendu, rtol=1e-12, err_msg=nom)
        else:
            numpy.testing.assert_array_equal(obtenu, attendu, err_msg=nom)
