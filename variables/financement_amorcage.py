"""Seed funding ("financement d'amorçage") of a labelled training.

"En outre, la labellisation permettra l’accès à un financement d’amorçage le
temps de l’obtention des reconnaissances ouvrant droit à des financements de
droit de commun. Ce financement est fixé à 50% du budget inhérent à l’exercice
d’une session de la formation labellisée si elle se déroule sur une durée au
moins égal à six mois, de deux sessions de la formation labellisée pour les
formations inférieurs à six mois, dans un plafond de 70 K€." (seed, verbatim)

Amounts are `ReelExact`s, stored in float64 (see openfisca_gen/helpers.py).
"""

import numpy
from openfisca_core.model_api import ETERNITY, MONTH, Variable, set_input_dispatch_by_period

from openfisca_gen.entities import Formation, Structure
from openfisca_gen.helpers import (
    ReelExact,
    et,
    facultatif,
    lecture,
    par_appel,
    part,
    regles_des_appels,
    selon,
    selon_appel,
    seuil_selon_appel,
    somme_de_montants,
    total_par_appel,
    valeurs_des_appels,
)
from openfisca_gen.sources import (
    ALTERWAY_2016,
    CENTRE_INFFO_2021,
    COMMUNIQUE_2015,
    DEFI_METIERS_2016,
    IREV_2015,
    KOOPERATION_2015,
    KOOPERATION_2016,
    LETUDIANT_2016,
    TROISIEME_APPEL_2018,
    TROISIEME_APPEL_2018_PRESSE,
    USINE_DIGITALE_2016,
)


class budget_session(ReelExact):
    value_type = float
    unit = "currency-EUR"
    entity = Formation
    definition_period = ETERNITY
    label = "Budget inhérent à l'exercice d'une session de la formation"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed. In euros, from 0 to 10^9."


class financements_droit_commun_obtenus(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "La formation a obtenu les reconnaissances ouvrant droit aux financements de droit commun"
    reference = [COMMUNIQUE_2015, IREV_2015]
    documentation = """
    Confidence: inferred. The seed says the seed funding bridges "le temps de
    l’obtention des reconnaissances ouvrant droit à des financements de droit
    de commun"; this model reads it as a condition: no seed funding once they
    are obtained (interpretations.financements_droit_commun_mettent_fin_a_l_amorcage),
    as irev.fr words it: « bénéficier de financement d’amorçage, avant
    l’ouverture des financements de droit commun ». Left empty: not obtained.
    Monthly, unlike the dossier's facts: it is a state that changes when the
    recognitions are obtained, so it is given for the months it holds in.
    """


class eligible_financement_amorcage(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La formation, éligible et labellisée, n'a pas encore accès aux financements de droit commun"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed for the label; inferred for the common-law condition (see
    financements_droit_commun_obtenus) and for the non-renewable grant of the
    later calls (subvention_amorcage_non_reconduite). Eligibility is required
    even where labellisee is given as an input: funding implies an eligible
    label.
    """

    def formula(formation, period, parameters):
        """'…la labellisation permettra l’accès à un financement d’amorçage le temps de l’obtention des
        reconnaissances ouvrant droit à des financements de droit de commun.'"""
        fin = selon_appel(
            formation,
            period,
            parameters,
            lambda r: lecture(formation, r, "financements_droit_commun_mettent_fin_a_l_amorcage"),
        )
        droit_commun = et(formation("financements_droit_commun_obtenus", period), fin)
        deja_financee = formation("subvention_amorcage_non_reconduite", period)
        return (
            formation("labellisee", period)
            & formation("eligible_labellisation", period)
            & numpy.logical_not(droit_commun | deja_financee)
        )


class subvention_amorcage_non_reconduite(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La formation, labellisée lors d'un appel précédent, ne reçoit pas la subvention non reconductible"
    reference = [DEFI_METIERS_2016, TROISIEME_APPEL_2018, TROISIEME_APPEL_2018_PRESSE, CENTRE_INFFO_2021]
    documentation = """
    Confidence: confirmed that the second and third calls' grant is « non
    reconductible » (financement_amorcage.non_reconductible); inferred that
    labellisee_lors_d_un_appel_precedent stands for a grant already received.
    True for a training labelled in an earlier call whose dossier answers
    such a call: it gets no seed funding. False under the first call.
    """

    def formula(formation, period, parameters):
        """'La labellisation est assortie, sous conditions, d’une subvention non reconductible de 70 000 euros.'"""
        non_reconductible = selon_appel(
            formation,
            period,
            parameters,
            lambda r: bool(facultatif(formation, r, "financement_amorcage.non_reconductible")),
            False,
        )
        if not non_reconductible.any():  # the first call's dossiers: the input is not read
            return non_reconductible
        return non_reconductible & formation("labellisee_lors_d_un_appel_precedent", period)


class nombre_sessions_financees(Variable):
    value_type = int
    entity = Formation
    definition_period = MONTH
    label = "Nombre de sessions dont le budget fonde le financement d'amorçage"
    reference = [COMMUNIQUE_2015, TROISIEME_APPEL_2018]
    documentation = """
    Confidence: seed. One session from six months of training (included), two
    below. Inferred for 2018: one session stands for the training's budget
    (interpretations.regle_des_sessions_maintenue_en_2018 keeps the first
    call's rule).
    """

    def formula(formation, period, parameters):
        """'…d’une session de la formation labellisée si elle se déroule sur une durée au moins égal à six mois,
        de deux sessions de la formation labellisée pour les formations inférieurs à six mois…'"""
        appels = regles_des_appels(formation, period, parameters)
        duree = formation("duree_formation_mois", period)

        def sessions(regles):
            maintenue = lecture(formation, regles, "regle_des_sessions_maintenue_en_2018")
            financement = (appels[0] if maintenue else regles).financement_amorcage
            sessions = financement.sessions_financees
            # where(duree >= seuil, …) as arithmetic, in place: numpy.where is three times slower on a million
            # random durations
            nombre = (duree >= financement.seuil_duree_mois).astype(numpy.int32)
            nombre *= numpy.int32(sessions.duree_au_moins_egale_au_seuil - sessions.duree_inferieure_au_seuil)
            nombre += numpy.int32(sessions.duree_inferieure_au_seuil)
            return nombre

        return par_appel(formation, period, [sessions(regles) for regles in appels])


class financement_amorcage_avant_plafond(ReelExact):
    value_type = float
    unit = "currency-EUR"
    entity = Formation
    definition_period = MONTH
    label = "Financement d'amorçage avant application du plafond"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed. Rate x session budget x sessions funded, under the
    dossier's call, whether labelled or not. Inferred: a rate given as a
    maximum is granted in full (see financement_amorcage.taux).
    """

    def formula(formation, period, parameters):
        """'Ce financement est fixé à 50% du budget inhérent à l’exercice d’une session…'"""
        taux = selon_appel(formation, period, parameters, lambda r: r.financement_amorcage.taux)
        montant = taux * formation("budget_session", period)
        montant *= formation("nombre_sessions_financees", period)
        return montant


class plafond_financement_amorcage(ReelExact):
    value_type = float
    unit = "currency-EUR"
    entity = Formation
    definition_period = MONTH
    label = "Plafond du financement d'amorçage sous l'appel du dossier (infini s'il n'est pas connu)"
    reference = [COMMUNIQUE_2015, DEFI_METIERS_2016, KOOPERATION_2016, TROISIEME_APPEL_2018]
    documentation = """
    Confidence: seed (70 000 €) for the first call, where it caps a
    structure's total by default (plafond_par_structure_applique); confirmed
    for the second (70 000 € per label, defi-metiers.fr,
    kooperation-international.de); inferred for the third (2018), for which
    no source gives one: infinite, no ceiling applied (an inference from an
    absence of evidence), unless
    interpretations.plafond_2018_celui_des_appels_precedents carries the
    latest earlier ceiling over.
    """

    def formula(formation, period, parameters):
        """'…dans un plafond de 70 K€.'"""
        plafonds = valeurs_des_appels(
            formation,
            period,
            parameters,
            "financement_amorcage.plafond",
            "interpretations.plafond_2018_celui_des_appels_precedents",
        )
        # floats: an integer ceiling would fill an array of integers that OpenFisca then copies into float64
        return par_appel(formation, period, [numpy.inf if p is None else float(p) for p in plafonds], numpy.inf)


class plafond_financement_amorcage_connu(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Un plafond en euros du financement d'amorçage est connu pour l'appel du dossier"
    reference = [COMMUNIQUE_2015, DEFI_METIERS_2016, TROISIEME_APPEL_2018]
    documentation = """
    Confidence: seed for the first call (70 000 €), confirmed for the second
    (70 000 €); inferred for the third (2018): no source gives one, so
    the grant is read as bounded by its rate only (an absence of evidence).
    Where it is false, financement_amorcage applies no ceiling.
    """

    def formula(formation, period):
        return numpy.isfinite(formation("plafond_financement_amorcage", period))


class plafond_par_structure_applique(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Le plafond du 1er appel s'applique au total des formations de la structure"
    reference = [COMMUNIQUE_2015, USINE_DIGITALE_2016, ALTERWAY_2016, LETUDIANT_2016]
    documentation = """
    Confidence: disputed. The switch interpretations.plafond_par_structure
    under the dossier's call: true by default for the first call (the record
    counts grants per structure), false (the ceiling caps each training) for
    the others, where it does not apply.
    """

    def formula(formation, period, parameters):
        return selon_appel(
            formation, period, parameters, lambda r: lecture(formation, r, "plafond_par_structure"), False
        )


class dotation_forfaitaire_par_structure_appliquee(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Chaque structure financée du 1er appel reçoit exactement le plafond (lecture alternative)"
    reference = [ALTERWAY_2016, LETUDIANT_2016, KOOPERATION_2015]
    documentation = """
    Confidence: disputed. The switch
    interpretations.dotation_forfaitaire_par_structure under the dossier's
    call (false by default; null, so false, outside the first call).
    """

    def formula(formation, period, parameters):
        """'…73 pourront bénéficier d'une dotation fixée à 70 000 euros…' (alterway.fr)"""
        return selon_appel(
            formation, period, parameters, lambda r: lecture(formation, r, "dotation_forfaitaire_par_structure"), False
        )


class financement_amorcage_retenu_avant_plafond(ReelExact):
    value_type = float
    unit = "currency-EUR"
    entity = Formation
    definition_period = MONTH
    label = "Financement d'amorçage d'une formation financée, avant plafond (0 si elle n'est pas financée)"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed. The amount before the ceiling where eligible_financement_amorcage, else 0."

    def formula(formation, period):
        """'…la labellisation permettra l’accès à un financement d’amorçage…'"""
        avant = numpy.maximum(formation("financement_amorcage_avant_plafond", period), 0)
        avant *= formation("eligible_financement_amorcage", period)  # amounts are finite (validated, <= 10^9 €)
        return avant


def plafond_par_structure(formation, period):
    """Where the first call's ceiling caps a structure's total, not each training (either reading)."""
    return formation("plafond_par_structure_applique", period) | formation(
        "dotation_forfaitaire_par_structure_appliquee", period
    )


class financement_amorcage_plafonne_par_formation(ReelExact):
    value_type = float
    unit = "currency-EUR"
    entity = Formation
    definition_period = MONTH
    label = "Financement d'amorçage d'une formation financée après le plafond par formation (s'il s'applique)"
    reference = [COMMUNIQUE_2015, DEFI_METIERS_2016]
    documentation = """
    Confidence: seed for the first call's ceiling, confirmed for the second
    (70 000 € per label, defi-metiers.fr). min(amount before the ceiling,
    plafond_financement_amorcage) where the ceiling caps each training; the
    amount before the ceiling where it caps a structure's total instead (the
    first call, plafond_par_structure_applique or
    dotation_forfaitaire_par_structure_appliquee).
    """

    def formula(formation, period):
        """'La labellisation est assortie, sous conditions, d’une subvention non reconductible de 70 000 euros.'"""
        avant = formation("financement_amorcage_retenu_avant_plafond", period)
        par_structure = plafond_par_structure(formation, period)
        if par_structure.all():  # the ceiling caps structures' totals only: every amount is kept as it is
            return avant
        return numpy.minimum(avant, selon(par_structure, numpy.inf, formation("plafond_financement_amorcage", period)))


class plafond_structure_financement_amorcage(ReelExact):
    value_type = float
    unit = "currency-EUR"
    entity = Formation
    definition_period = MONTH
    label = "Plafond du total des formations de la structure sous l'appel du dossier (infini s'il n'y en a pas)"
    reference = [COMMUNIQUE_2015, USINE_DIGITALE_2016, DEFI_METIERS_2016]
    documentation = """
    Confidence: disputed for the first call, confirmed for the second. The
    ceiling on a structure's total of the same call: the first call's
    70 000 € (financement_amorcage.plafond) where it is read per structure
    (plafond_par_structure_applique, the default, or
    dotation_forfaitaire_par_structure_appliquee); the second call's
    180 000 € (financement_amorcage.plafond_structure: « La subvention totale
    d’une structure porteuse de plusieurs formations labellisées est
    plafonnée à 180 000 euros. », defi-metiers.fr); infinite (none) else.
    """

    def formula(formation, period, parameters):
        """'La subvention totale d’une structure porteuse de plusieurs formations labellisées est plafonnée à 180 000
        euros.'"""
        plafond_structure = seuil_selon_appel(formation, period, parameters, "financement_amorcage.plafond_structure")
        plafond = formation("plafond_financement_amorcage", period)
        return selon(plafond_par_structure(formation, period), plafond, plafond_structure)


class financement_amorcage_retenu_structure_appel(ReelExact):
    value_type = float
    unit = "currency-EUR"
    entity = Formation
    definition_period = MONTH
    label = "Total des formations financées de la même structure et du même appel, avant le plafond par structure"
    reference = [COMMUNIQUE_2015, USINE_DIGITALE_2016, DEFI_METIERS_2016]
    documentation = """
    Confidence: disputed for the first call, confirmed for the second. The
    sum of financement_amorcage_plafonne_par_formation over the trainings of
    the training's structure that answer the same call: each call has its own
    ceilings, so a structure's trainings share one with those of the same
    call only. Snapped to the millionth of a euro (helpers.total_par_appel):
    the same in any order of the rows, exactly at a ceiling it adds up to.
    """

    def formula(formation, period):
        montant = formation("financement_amorcage_plafonne_par_formation", period)
        return total_par_appel(
            formation.simulation.populations["structure"], montant, formation("appel_du_dossier", period)
        )


class financement_amorcage_plafonne(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Le plafond limite le financement d'amorçage de la formation"
    reference = [COMMUNIQUE_2015, DEFI_METIERS_2016]
    documentation = """
    Confidence: seed. True for a funded training whose amount before the
    ceiling exceeds the ceiling per training, or whose structure's total of
    the same call exceeds the ceiling per structure. A training that is not
    funded is never limited; one raised to a flat grant is not limited.
    """

    def formula(formation, period):
        """'…dans un plafond de 70 K€.'"""
        avant = formation("financement_amorcage_retenu_avant_plafond", period)
        total = formation("financement_amorcage_retenu_structure_appel", period)
        reduit = formation("financement_amorcage_plafonne_par_formation", period) < avant
        return (avant > 0) & (reduit | (total > formation("plafond_structure_financement_amorcage", period)))


class financement_amorcage(ReelExact):
    value_type = float
    unit = "currency-EUR"
    entity = Formation
    definition_period = MONTH
    label = "Financement d'amorçage de la formation labellisée"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed. For an eligible, labelled training that has no
    common-law funding yet (else 0; never negative), under the rules of its
    dossier's call: rate x session budget x sessions funded
    (financement_amorcage_avant_plafond), within the ceiling per training
    where there is one (the second call's 70 000 €), then within the ceiling
    of its structure's total of the same call, shared in proportion to the
    trainings' amounts (the first call's 70 000 €, read per structure, a
    disputed default: interpretations.plafond_par_structure; the second
    call's 180 000 €). Where a structure of the first call gets a flat grant
    (interpretations.dotation_forfaitaire_par_structure, off), its trainings
    share exactly the ceiling. For the 2018 call, whose ceiling no source
    gives, no ceiling is applied (inferred, see plafond_financement_amorcage).
    Never above the ceiling of its structure's total, not even by the last
    digit a float division may add.
    """

    def formula(formation, period):
        """'Ce financement est fixé à 50% du budget […] dans un plafond de 70 K€.'"""
        montant = formation("financement_amorcage_plafonne_par_formation", period)
        total = formation("financement_amorcage_retenu_structure_appel", period)
        plafond = formation("plafond_structure_financement_amorcage", period)
        # The share a training keeps: plafond / max(total, plafond), exactly 1 within the ceiling; NaN, read as 1
        # by fmin, where there is no ceiling (inf / inf) or nothing to share (0 / 0). In place: a million values.
        partage = numpy.maximum(total, plafond)
        with numpy.errstate(invalid="ignore"):
            numpy.fmin(numpy.divide(plafond, partage, out=partage), 1, out=partage)
        forfait = formation("dotation_forfaitaire_par_structure_appliquee", period)
        if forfait.any():  # a flat grant, where there is a ceiling: the structure's trainings share exactly it
            partage = numpy.where(forfait & numpy.isfinite(plafond), part(plafond, total), partage)
        partage *= montant
        # Never above the ceiling: a single training's amount x (plafond / amount) may round to plafond + 1 ulp
        return numpy.fmin(partage, plafond, out=partage)


class financement_amorcage_structure(ReelExact):
    value_type = float
    unit = "currency-EUR"
    entity = Structure
    definition_period = MONTH
    label = "Financement d'amorçage total des formations de la structure"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed. The sum of its trainings' seed funding, snapped to the
    millionth of a euro (helpers.au_millionieme): the same in any order of
    the rows.
    """

    def formula(structure, period):
        return somme_de_montants(structure, structure.members("financement_amorcage", period))
