"""National objectives, measured over the trainings a campaign labels.

"Public visité : des objectifs nationaux de 30% de femmes et 50% de jeunes
peu ou pas qualifiés, ni en emploi, ni en formation, sont fixés […] Première
vague de labellisation (octobre-novembre 2015) : 50 fabriques de la Grande
école du numérique, 2.500 jeunes formés […] Sous trois ans : 200 fabriques de
la Grande école du numérique, 10.000 jeunes formés." (seed, verbatim)
"""

import math

import numpy
from openfisca_core.model_api import MONTH, Enum, Variable

from openfisca_gen.entities import Campagne, Formation
from openfisca_gen.helpers import (
    OBJECTIFS_MAINTENUS,
    ReelExact,
    lecture,
    par_appel_de_la_campagne,
    part,
    selon_appel,
    selon_appel_de_la_campagne,
    somme_de_montants,
    valeurs_des_appels,
)
from openfisca_gen.sources import (
    ALTERWAY_2016,
    COMMUNIQUE_2015,
    DEUXIEME_APPEL_2016,
    TROISIEME_APPEL_2018,
    USINE_DIGITALE_2016,
)


def somme(campagne, variable, retenue, period):
    """Sum of a training variable over the campaign's trainings where the boolean variable `retenue` is true."""
    return campagne.sum(campagne.members(variable, period) * campagne.members(retenue, period))


def somme_labellisees(campagne, variable, period):
    """Sum of a training variable over the campaign's labelled trainings."""
    return somme(campagne, variable, "labellisee", period)


def enveloppe(campagne, period, parameters):
    """The envelope of the campaign's call; infinite where the campaign has no call (none is compared)."""
    return selon_appel_de_la_campagne(
        campagne, period, parameters, lambda r: r.financement_amorcage.enveloppe, numpy.inf
    )


class nombre_formations_labellisees(Variable):
    value_type = int
    entity = Campagne
    definition_period = MONTH
    unit = "training"
    label = "Nombre de formations labellisées de la campagne"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed."

    def formula(campagne, period):
        return campagne.sum(campagne.members("labellisee", period))


class nombre_demandeurs_emploi_peu_qualifies_campagne(Variable):
    value_type = int
    entity = Campagne
    definition_period = MONTH
    unit = "person"
    label = "Nombre de demandeurs d'emploi peu ou pas qualifiés d'une session des formations labellisées de la campagne"
    reference = TROISIEME_APPEL_2018
    documentation = "Confidence: inferred (one session of each labelled training; the 2018 objective counts them)."

    def formula(campagne, period):
        return somme_labellisees(campagne, "nombre_demandeurs_emploi_peu_qualifies", period)


class nombre_apprenants_campagne(Variable):
    value_type = int
    entity = Campagne
    definition_period = MONTH
    unit = "person"
    label = "Nombre d'apprenants d'une session des formations labellisées de la campagne"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: inferred (one session of each labelled training)."

    def formula(campagne, period):
        return somme_labellisees(campagne, "nombre_apprenants", period)


class part_femmes_campagne(ReelExact):
    value_type = float
    entity = Campagne
    definition_period = MONTH
    label = "Part de femmes parmi les apprenants des formations labellisées de la campagne"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed. 0 when no labelled training has learners."

    def formula(campagne, period):
        return part(
            somme_labellisees(campagne, "nombre_femmes", period), campagne("nombre_apprenants_campagne", period)
        )


class part_jeunes_neet_peu_qualifies_campagne(ReelExact):
    value_type = float
    entity = Campagne
    definition_period = MONTH
    label = "Part de jeunes peu ou pas qualifiés, ni en emploi ni en formation, parmi les apprenants labellisés"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed. 0 when no labelled training has learners."

    def formula(campagne, period):
        return part(
            somme_labellisees(campagne, "nombre_jeunes_neet_peu_qualifies", period),
            campagne("nombre_apprenants_campagne", period),
        )


class part_residents_qpv_campagne(ReelExact):
    value_type = float
    entity = Campagne
    definition_period = MONTH
    label = "Part de résidents de QPV parmi les apprenants des formations labellisées"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed (attention to QPV residents, no numeric objective)."

    def formula(campagne, period):
        return part(
            somme_labellisees(campagne, "nombre_residents_qpv", period), campagne("nombre_apprenants_campagne", period)
        )


class part_residents_zrr_campagne(ReelExact):
    value_type = float
    entity = Campagne
    definition_period = MONTH
    label = "Part de résidents de ZRR parmi les apprenants des formations labellisées"
    reference = COMMUNIQUE_2015
    unit = "/1"
    documentation = "Confidence: seed (attention to ZRR residents, no numeric objective)."

    def formula(campagne, period):
        return part(
            somme_labellisees(campagne, "nombre_residents_zrr", period), campagne("nombre_apprenants_campagne", period)
        )


class part_apprenants_niveau_bac_ou_infra_campagne(ReelExact):
    value_type = float
    entity = Campagne
    definition_period = MONTH
    label = "Part d'apprenants de niveau bac ou inférieur parmi les apprenants des formations labellisées"
    reference = TROISIEME_APPEL_2018
    unit = "/1"
    documentation = """
    Confidence: confirmed for the group (« peu ou pas qualifiées (niveau bac ou inférieur au bac) », third
    call, 2018). An indicator the programme published (55 % at bac level or below to 2018), with no national
    objective; 0 when no labelled training has learners.
    """

    def formula(campagne, period):
        return part(
            somme_labellisees(campagne, "nombre_apprenants_niveau_bac_ou_infra", period),
            campagne("nombre_apprenants_campagne", period),
        )


class StatutObjectif(Enum):
    non_applicable = "Objectif non fixé par l'appel de la campagne"
    atteint = "Objectif atteint"
    non_atteint = "Objectif non atteint"


def statut_objectif(campagne, period, parameters, realise: str, chemin: str, reconduction: str | None = None):
    """Whether the campaign's `realise` reaches the objective at `chemin` under its own call; non_applicable where
    that call sets none, or the campaign has no call (see helpers.valeurs_des_appels for `reconduction`)."""
    objectifs = valeurs_des_appels(campagne, period, parameters, chemin, reconduction)
    objectif = par_appel_de_la_campagne(
        campagne, period, [numpy.nan if valeur is None else valeur for valeur in objectifs], numpy.nan
    )
    if numpy.isnan(objectif).all():  # no campaign's call sets it: nothing to measure
        return numpy.full(campagne.count, StatutObjectif.non_applicable)
    return numpy.select(
        [numpy.isnan(objectif), campagne(realise, period) >= objectif],
        [StatutObjectif.non_applicable, StatutObjectif.atteint],
        StatutObjectif.non_atteint,
    )


class objectif_part_femmes(Variable):
    value_type = Enum
    possible_values = StatutObjectif
    default_value = StatutObjectif.non_applicable
    entity = Campagne
    definition_period = MONTH
    label = "Objectif national de part de femmes parmi les apprenants des formations labellisées"
    reference = [COMMUNIQUE_2015, DEUXIEME_APPEL_2016, TROISIEME_APPEL_2018]
    documentation = """
    Confidence: seed (30 %, restated by the second call), under the campaign's
    own call. non_applicable where that call sets none: the third call (2018)
    does not restate it (its carry-over is the switch
    interpretations.objectifs_nationaux_2015_maintenus_en_2018, off).
    """

    def formula(campagne, period, parameters):
        """'…des objectifs nationaux de 30% de femmes…'"""
        return statut_objectif(
            campagne,
            period,
            parameters,
            "part_femmes_campagne",
            "publics_cibles.objectifs_nationaux.part_femmes",
            OBJECTIFS_MAINTENUS,
        )


class objectif_part_jeunes_neet_peu_qualifies(Variable):
    value_type = Enum
    possible_values = StatutObjectif
    default_value = StatutObjectif.non_applicable
    entity = Campagne
    definition_period = MONTH
    label = "Objectif national de part de jeunes peu ou pas qualifiés, ni en emploi ni en formation"
    reference = [COMMUNIQUE_2015, DEUXIEME_APPEL_2016, TROISIEME_APPEL_2018]
    documentation = """
    Confidence: seed (50 %, restated by the second call), under the campaign's
    own call. non_applicable where that call sets none: the third call (2018)
    does not restate it (its carry-over is the switch
    interpretations.objectifs_nationaux_2015_maintenus_en_2018, off).
    """

    def formula(campagne, period, parameters):
        """'…et 50% de jeunes peu ou pas qualifiés, ni en emploi, ni en formation, sont fixés…'"""
        return statut_objectif(
            campagne,
            period,
            parameters,
            "part_jeunes_neet_peu_qualifies_campagne",
            "publics_cibles.objectifs_nationaux.part_jeunes_neet_peu_qualifies",
            OBJECTIFS_MAINTENUS,
        )


class objectif_femmes_atteint(Variable):
    value_type = bool
    entity = Campagne
    definition_period = MONTH
    label = "La part nationale de femmes atteint l'objectif"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed (national objective of 30 % women). True only where the
    campaign's call sets the objective and the campaign meets it: false where
    it is not met and where it does not apply (see objectif_part_femmes, which
    tells the two apart).
    """

    def formula(campagne, period):
        return campagne("objectif_part_femmes", period) == StatutObjectif.atteint


class objectif_jeunes_neet_peu_qualifies_atteint(Variable):
    value_type = bool
    entity = Campagne
    definition_period = MONTH
    label = "La part nationale de jeunes peu ou pas qualifiés, ni en emploi ni en formation, atteint l'objectif"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed (national objective of 50 %). True only where the
    campaign's call sets the objective and the campaign meets it: false where
    it is not met and where it does not apply (see
    objectif_part_jeunes_neet_peu_qualifies, which tells the two apart).
    """

    def formula(campagne, period):
        return campagne("objectif_part_jeunes_neet_peu_qualifies", period) == StatutObjectif.atteint


def distincts(campagne, retenue, *codes):
    """Per campaign, the number of distinct combinations of `codes` (one array of codes >= 0 per criterion) among
    its members where `retenue`: each combination counts at its first member. The combination is one integer
    where it fits (numpy's unique of rows took 17 s for a million trainings, of one column a tenth of a second)."""
    colonnes = [campagne.members_entity_id, *codes]
    tailles = [int(colonne.max(initial=0)) + 1 for colonne in colonnes]
    if math.prod(tailles) < 2**62:
        cles = numpy.zeros(retenue.size, dtype=numpy.int64)
        for colonne, taille in zip(colonnes, tailles, strict=True):
            cles = cles * taille + colonne
        index = numpy.unique(cles[retenue], return_index=True)[1]
    else:
        index = numpy.unique(numpy.column_stack(colonnes)[retenue], axis=0, return_index=True)[1]
    premiers = numpy.zeros(retenue.size, dtype=bool)
    premiers[numpy.flatnonzero(retenue)[index]] = True
    return campagne.sum(premiers)


def structures(campagne, retenue):
    """Per campaign, the structures with one of its trainings where `retenue`."""
    return distincts(campagne, retenue, campagne.members.simulation.populations["structure"].members_entity_id)


def fabriques(campagne, period, parameters, retenue):
    """The fabriques among the campaign's trainings where `retenue`, counted as its call's readings say: one per
    place (a structure and a lieu_formation); one per training, or one per structure (the first wins)."""
    structure = campagne.members.simulation.populations["structure"].members_entity_id
    lieu = numpy.unique(campagne.members("lieu_formation", period), return_inverse=True)[1]

    def lue(nom):
        return selon_appel_de_la_campagne(campagne, period, parameters, lambda r: lecture(campagne, r, nom), False)

    return numpy.select(
        [lue("fabrique_par_formation"), lue("fabrique_par_structure")],
        [campagne.sum(retenue), structures(campagne, retenue)],
        distincts(campagne, retenue, structure, lieu),
    )


class nombre_fabriques_labellisees(Variable):
    value_type = int
    entity = Campagne
    definition_period = MONTH
    unit = "fabrique"
    label = "Nombre de fabriques labellisées de la campagne"
    reference = [COMMUNIQUE_2015, USINE_DIGITALE_2016, ALTERWAY_2016, DEUXIEME_APPEL_2016]
    documentation = """
    Confidence: confirmed for the first call that a fabrique is a place, as
    the sources count them (« 171 formations, associées à 130 lieux appelés
    pour l'occasion "fabriques du numérique" », usine-digitale.fr); disputed
    for the second, whose announcements count structures (« 200
    établissements », lemondeinformatique.fr 65706; see
    interpretations.fabrique_par_structure); inferred that a place is
    a structure's site: the distinct (structure, lieu_formation) pairs among
    the campaign's labelled trainings. The readings of
    the campaign's call count one per labelled training
    (interpretations.fabrique_par_formation) or one per structure with a
    labelled training (interpretations.fabrique_par_structure); where both are
    true, one per training wins.
    """

    def formula(campagne, period, parameters):
        """'…50 fabriques de la Grande école du numérique…'"""
        return fabriques(campagne, period, parameters, campagne.members("labellisee", period))


class nombre_structures_labellisees(Variable):
    value_type = int
    entity = Campagne
    definition_period = MONTH
    unit = "structure"
    label = "Nombre de structures ayant au moins une formation labellisée dans la campagne"
    reference = USINE_DIGITALE_2016
    documentation = """
    Confidence: confirmed (the record counts them: « Elles sont dispensées
    par 84 structures », usine-digitale.fr). A structure counts once per
    campaign, whatever its trainings and sites.
    """

    def formula(campagne, period):
        """'Elles sont dispensées par 84 structures…'"""
        return structures(campagne, campagne.members("labellisee", period))


class nombre_structures_financees(Variable):
    value_type = int
    entity = Campagne
    definition_period = MONTH
    unit = "structure"
    label = "Nombre de structures ayant au moins une formation financée dans la campagne"
    reference = USINE_DIGITALE_2016
    documentation = """
    Confidence: confirmed (the record counts them: « 84 structures dont 73
    obtiennent le droit à une subvention », usine-digitale.fr). A structure
    counts once per campaign where one of its trainings receives seed funding.
    """

    def formula(campagne, period):
        """'…dont 73 obtiennent le droit à une subvention.'"""
        return structures(campagne, campagne.members("financement_amorcage", period) > 0)


class labellisee_premiere_vague(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La formation est labellisée lors de la première vague (octobre-novembre 2015)"
    reference = [COMMUNIQUE_2015, USINE_DIGITALE_2016]
    documentation = """
    Confidence: seed for the wave's months; inferred for what falls in it: a
    labelled training whose dossier's cut-off (date_releve_candidatures, 19
    October 2015 for the first call) falls within the wave
    (objectifs.premiere_vague.debut to .fin, both included). The first call's
    labels were in fact announced on 3 February 2016 (usine-digitale.fr): the
    wave is read as the labelling of the dossiers examined at a cut-off in
    October–November 2015.
    """

    def formula(formation, period, parameters):
        """'Première vague de labellisation (octobre-novembre 2015)…'"""

        def jour(nom):
            return selon_appel(
                formation,
                period,
                parameters,
                lambda r: numpy.datetime64(r.objectifs.premiere_vague[nom], "D"),
                numpy.datetime64("NaT", "D"),
            )

        releve = formation("date_releve_candidatures", period)
        return formation("labellisee", period) & (releve >= jour("debut")) & (releve <= jour("fin"))


class nombre_fabriques_labellisees_premiere_vague(Variable):
    value_type = int
    entity = Campagne
    definition_period = MONTH
    unit = "fabrique"
    label = "Nombre de fabriques labellisées lors de la première vague, dans la campagne"
    reference = [COMMUNIQUE_2015, USINE_DIGITALE_2016]
    documentation = """
    Confidence: inferred. The fabriques of the trainings labellisee_premiere_vague,
    counted as nombre_fabriques_labellisees counts them.
    """

    def formula(campagne, period, parameters):
        """'…50 fabriques de la Grande école du numérique…'"""
        return fabriques(campagne, period, parameters, campagne.members("labellisee_premiere_vague", period))


class nombre_apprenants_premiere_vague(Variable):
    value_type = int
    entity = Campagne
    definition_period = MONTH
    unit = "person"
    label = "Nombre d'apprenants d'une session des formations labellisées lors de la première vague, dans la campagne"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: inferred (one session of each training labellisee_premiere_vague)."

    def formula(campagne, period):
        """'…2.500 jeunes formés au métiers du numérique…'"""
        return somme(campagne, "nombre_apprenants", "labellisee_premiere_vague", period)


class objectif_fabriques_premiere_vague(Variable):
    value_type = Enum
    possible_values = StatutObjectif
    default_value = StatutObjectif.non_applicable
    entity = Campagne
    definition_period = MONTH
    label = "Objectif de fabriques de la première vague (octobre-novembre 2015)"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed for the value (50); inferred that one campaign stands for
    the first wave. Counts the fabriques the wave labelled
    (nombre_fabriques_labellisees_premiere_vague), under the campaign's call.
    """

    def formula(campagne, period, parameters):
        """'Première vague de labellisation (octobre-novembre 2015) : 50 fabriques de la Grande école du numérique'"""
        return statut_objectif(
            campagne,
            period,
            parameters,
            "nombre_fabriques_labellisees_premiere_vague",
            "objectifs.premiere_vague.nombre_fabriques",
        )


class objectif_jeunes_formes_premiere_vague(Variable):
    value_type = Enum
    possible_values = StatutObjectif
    default_value = StatutObjectif.non_applicable
    entity = Campagne
    definition_period = MONTH
    label = "Objectif de jeunes formés de la première vague (octobre-novembre 2015)"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed for the value (2 500); inferred: one session of each
    training the wave labelled counts (nombre_apprenants_premiere_vague).
    """

    def formula(campagne, period, parameters):
        """'…2.500 jeunes formés au métiers du numérique…'"""
        return statut_objectif(
            campagne,
            period,
            parameters,
            "nombre_apprenants_premiere_vague",
            "objectifs.premiere_vague.nombre_jeunes_formes",
        )


class objectif_fabriques_trois_ans(Variable):
    value_type = Enum
    possible_values = StatutObjectif
    default_value = StatutObjectif.non_applicable
    entity = Campagne
    definition_period = MONTH
    label = "Objectif de fabriques sous trois ans"
    reference = [COMMUNIQUE_2015, DEUXIEME_APPEL_2016]
    documentation = """
    Confidence: seed for the value (200), restated by the second call;
    inferred that one campaign stands for the cumulative national count.
    """

    def formula(campagne, period, parameters):
        """'Sous trois ans : 200 fabriques de la Grande école du numérique, 10.000 jeunes formés.'"""
        return statut_objectif(
            campagne, period, parameters, "nombre_fabriques_labellisees", "objectifs.sous_trois_ans.nombre_fabriques"
        )


class objectif_jeunes_formes_trois_ans(Variable):
    value_type = Enum
    possible_values = StatutObjectif
    default_value = StatutObjectif.non_applicable
    entity = Campagne
    definition_period = MONTH
    label = "Objectif de jeunes formés sous trois ans"
    reference = [COMMUNIQUE_2015, DEUXIEME_APPEL_2016]
    documentation = """
    Confidence: seed for the value (10 000), restated by the second call;
    inferred: one session of each labelled training of one campaign counts.
    """

    def formula(campagne, period, parameters):
        """'Sous trois ans : 200 fabriques de la Grande école du numérique, 10.000 jeunes formés.'"""
        return statut_objectif(
            campagne, period, parameters, "nombre_apprenants_campagne", "objectifs.sous_trois_ans.nombre_jeunes_formes"
        )


class objectif_demandeurs_emploi_peu_qualifies(Variable):
    value_type = Enum
    possible_values = StatutObjectif
    default_value = StatutObjectif.non_applicable
    entity = Campagne
    definition_period = MONTH
    label = "Objectif de personnes peu ou pas qualifiées en recherche d'emploi formées (3e appel)"
    reference = TROISIEME_APPEL_2018
    documentation = """
    Confidence: confirmed (5 000 low-qualified job seekers, third call);
    inferred: one session of each labelled training of one campaign counts.
    """

    def formula(campagne, period, parameters):
        """'…5 000 personnes peu ou pas qualifiées (niveau bac ou inférieur au bac) en recherche d’emploi.'"""
        return statut_objectif(
            campagne,
            period,
            parameters,
            "nombre_demandeurs_emploi_peu_qualifies_campagne",
            "objectifs.nombre_demandeurs_emploi_peu_qualifies",
        )


class cout_financement_amorcage_campagne(ReelExact):
    value_type = float
    unit = "currency-EUR"
    entity = Campagne
    definition_period = MONTH
    label = "Coût total du financement d'amorçage des formations de la campagne"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed. A ReelExact (float64), snapped to the millionth of a
    euro (helpers.au_millionieme): the same in any order of the rows, so that
    a cost exactly at the envelope is within it.
    """

    def formula(campagne, period):
        return somme_de_montants(campagne, campagne.members("financement_amorcage", period))


class financement_amorcage_dans_l_enveloppe(Variable):
    value_type = bool
    entity = Campagne
    definition_period = MONTH
    label = "Le coût du financement d'amorçage de la campagne tient dans l'enveloppe de son appel"
    reference = [DEUXIEME_APPEL_2016, TROISIEME_APPEL_2018]
    documentation = """
    Confidence: confirmed (envelopes of about 5 M€, 10 M€ and 37 M€). The
    envelope of the campaign's own call, in every month computed. A campaign
    with no call (before the first call, no dossier in time, or dossiers of
    several calls) is compared with no envelope: true, nothing overruns.
    """

    def formula(campagne, period, parameters):
        """'L’enveloppe allouée à ce second appel est de 10 millions d’euros.'"""
        return campagne("cout_financement_amorcage_campagne", period) <= enveloppe(campagne, period, parameters)


class depassement_enveloppe_financement_amorcage(ReelExact):
    value_type = float
    unit = "currency-EUR"
    entity = Campagne
    definition_period = MONTH
    label = "Montant dont le coût du financement d'amorçage de la campagne dépasse l'enveloppe"
    reference = [DEUXIEME_APPEL_2016, TROISIEME_APPEL_2018]
    documentation = "Confidence: confirmed. 0 when the cost fits its call's envelope, or the campaign has no call."

    def formula(campagne, period, parameters):
        """'L’enveloppe allouée à ce second appel est de 10 millions d’euros.'"""
        depassement = campagne("cout_financement_amorcage_campagne", period) - enveloppe(campagne, period, parameters)
        return numpy.maximum(depassement, 0)
