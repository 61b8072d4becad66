"""Eligibility for the label « Fabrique de la Grande École du numérique ».

"La Grande École du numérique octroie une labellisation « Fabrique de la
Grande École du numérique » à des formations dispensées par des structures
publiques ou privées qui s’engagent à respecter le cahier des charges de la
Grande École du numérique." (seed, verbatim)

Each condition is its own boolean variable; parameters/labellisation/conditions/
and parameters/interpretations/conditions/ say which apply under a dossier's
call, so "why not eligible" is the list of applicable conditions that are false.

The inputs here are the dossier's facts: defined for all time (ETERNITY),
they are given once and hold in every month computed.
"""

from datetime import date

import numpy
from openfisca_core.model_api import ETERNITY, MONTH, Enum, Variable, set_input_dispatch_by_period

from openfisca_gen.entities import Formation, Structure
from openfisca_gen.helpers import (
    ReelExact,
    conditions_applicables,
    et,
    facultatif,
    lecture,
    regles_des_appels,
    selon_appel,
    seuil_selon_appel,
)
from openfisca_gen.sources import (
    ALTERWAY_2016,
    AUDITION_MINISTRE,
    CENTRE_INFFO_2021,
    CENTRE_INFFO_2025,
    COMMUNIQUE_2015,
    DEFI_METIERS_2016,
    EDUCAVOX_2015,
    KOOPERATION_2015,
    KOOPERATION_2016,
    LETUDIANT_2016,
    MEDIUM_STEPANOFF_2016,
    NEXTINPACT_2016,
    NOSDEPUTES_2015,
    REUSSIRMAVIE_2015,
    SILICON_2016,
    TROISIEME_APPEL_2018,
    TROISIEME_APPEL_2018_PRESSE,
    USINE_DIGITALE_2016,
)


class MetierVise(Enum):
    developpeur_web = "Développeur web"
    integrateur_logiciel = "Intégrateur logiciel"
    codeur = "Codeur"
    graphiste_web = "Graphiste web"
    webmaster = "Webmaster"
    community_manager = "Community manager"
    autre_metier_numerique = "Autre métier du numérique"
    hors_numerique = "Métier hors du numérique"


class metier_vise(Variable):
    value_type = Enum
    possible_values = MetierVise
    default_value = MetierVise.hors_numerique
    entity = Formation
    definition_period = ETERNITY
    label = "Métier auquel prépare la formation"
    reference = [COMMUNIQUE_2015, ALTERWAY_2016]
    documentation = """
    Confidence: seed for the listed trades ("développeur-web, intégrateur
    logiciel, codeur, graphiste web, webmaster, community manager…"); alterway.fr
    also names e-commerce sales, support technician, ICT adviser and
    digitisation operator trades (not in its stored excerpt), counted as
    autre_metier_numerique. Left empty: hors_numerique.
    """


class formation_metier_numerique(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La formation prépare à un métier du numérique"
    reference = COMMUNIQUE_2015
    documentation = "Confidence: seed."

    def formula(formation, period):
        """'…jeunes formés au métiers du numérique (développeur-web, intégrateur logiciel, codeur, graphiste web,
        webmaster, community manager…)'"""
        return formation("metier_vise", period) != MetierVise.hors_numerique


class formation_gratuite(Variable):
    value_type = bool
    entity = Formation
    definition_period = ETERNITY
    label = "La formation est gratuite pour les apprenants"
    reference = [ALTERWAY_2016, NOSDEPUTES_2015, REUSSIRMAVIE_2015]
    documentation = """
    Confidence: confirmed (« Toutes devront être gratuites », reussirmavie.net).
    An input: left empty, the commitment is not made.
    """


class prerequis_academiques_exiges(Variable):
    value_type = bool
    entity = Formation
    definition_period = ETERNITY
    label = "La formation exige des prérequis académiques (diplôme, niveau d'études)"
    reference = [NOSDEPUTES_2015, KOOPERATION_2015, NEXTINPACT_2016]
    documentation = "Confidence: confirmed (see sans_prerequis_academique). An input."


class sans_prerequis_academique(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Aucun prérequis académique n'est exigé des candidats"
    reference = [NOSDEPUTES_2015, KOOPERATION_2015, NEXTINPACT_2016, EDUCAVOX_2015, ALTERWAY_2016]
    documentation = """
    Confidence: confirmed. « Cette école ouverte à tous, gratuite, sans
    distinction académique, géographique, économique ou sociale » (the
    secretary of state, nosdeputes.fr, March 2015); no academic prerequisite,
    admission on talent and motivation only (kooperation-international.de, at
    the launch); « aucune condition d’âge ou de diplôme à remplir »
    (nextinpact.com, 2016); « La sélection se fera sur le talent et la
    motivation. » (alterway.fr).
    """

    def formula(formation, period):
        """'…sans distinction académique, géographique, économique ou sociale…' (nosdeputes.fr, 2015)"""
        return numpy.logical_not(formation("prerequis_academiques_exiges", period))


class pedagogie_innovante(Variable):
    value_type = bool
    entity = Formation
    definition_period = ETERNITY
    label = "La formation s'engage sur une pédagogie innovante"
    reference = [COMMUNIQUE_2015, MEDIUM_STEPANOFF_2016, DEFI_METIERS_2016, KOOPERATION_2015]
    documentation = """
    Confidence: confirmed (press, not official). The seed states it as an aim
    ("pédagogies de la confiance, pédagogies collaboratives orientées vers la
    conduite de projets, l’apprentissage de pair-à-pair"); a labelled
    provider (medium.com), defi-metiers.fr and kooperation-international.de
    make it a criterion of the label. An input: left empty, the commitment is
    not made.
    """


class duree_formation_mois(ReelExact):
    value_type = float
    entity = Formation
    definition_period = ETERNITY
    label = "Durée de la formation, en mois"
    reference = COMMUNIQUE_2015
    unit = "month"
    documentation = """
    Confidence: seed. Fractions of a month are allowed. A ReelExact (float64):
    compared with the thresholds (six months, 3 to 24 months) as given, so
    5.9999999 months is below six and 24.0000001 above 24 (in OpenFisca's
    float32 both would round onto the threshold).
    """


class duree_formation_eligible(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La durée de la formation est dans les bornes du cahier des charges, incluses"
    reference = [ALTERWAY_2016, LETUDIANT_2016, SILICON_2016, AUDITION_MINISTRE]
    documentation = """
    Confidence: disputed. 3 to 24 months (alterway.fr; « de trois mois à deux
    ans », letudiant.fr and silicon.fr, February 2016); the minister said 3 to
    18 months (interpretations.duree_maximale_selon_le_ministre).
    """

    def formula(formation, period, parameters):
        """'…des formations courtes ( entre 3 et 24 mois)' (alterway.fr)"""

        def maximum(regles):
            duree = regles.labellisation.duree_formation
            ministre = lecture(formation, regles, "duree_maximale_selon_le_ministre")
            return duree.maximum_mois_selon_le_ministre if ministre else duree.maximum_mois

        minimum = selon_appel(formation, period, parameters, lambda r: r.labellisation.duree_formation.minimum_mois)
        duree_formation = formation("duree_formation_mois", period)
        return (duree_formation >= minimum) & (duree_formation <= selon_appel(formation, period, parameters, maximum))


class labellisee_lors_d_un_appel_precedent(Variable):
    value_type = bool
    entity = Formation
    definition_period = ETERNITY
    label = "La formation a été labellisée lors d'un appel précédent"
    reference = TROISIEME_APPEL_2018_PRESSE
    documentation = "Confidence: confirmed (third call). An input; left empty, not labelled before."


class non_labellisee_lors_des_appels_precedents(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La formation n'a pas été labellisée lors d'un appel précédent"
    reference = TROISIEME_APPEL_2018_PRESSE
    documentation = "Confidence: confirmed (a condition of the third call, 2018)."

    def formula(formation, period):
        """'…ne pas avoir été labellisée lors des deux premiers appels à projets…'"""
        return numpy.logical_not(formation("labellisee_lors_d_un_appel_precedent", period))


class effectif_demandeurs_emploi_peu_qualifies_suffisant(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La session accueille au moins le nombre minimal de demandeurs d'emploi peu ou pas qualifiés"
    reference = TROISIEME_APPEL_2018_PRESSE
    documentation = """
    Confidence: confirmed (a condition of the third call, 2018). False under a
    call that sets no minimum, where the condition does not apply.
    """

    def formula(formation, period, parameters):
        """'…former au minimum 10 personnes peu ou pas qualifiées en recherche d’emploi par session…'"""

        minimum = seuil_selon_appel(
            formation, period, parameters, "labellisation.effectif_minimal_demandeurs_emploi_peu_qualifies"
        )
        return formation("nombre_demandeurs_emploi_peu_qualifies", period) >= minimum


class StatutStructure(Enum):
    association = "Association"
    entreprise_privee = "Entreprise privée"
    etablissement_public = "Établissement public (dont université)"
    collectivite_territoriale = "Collectivité territoriale"
    autre = "Autre statut"


class statut_structure(Variable):
    value_type = Enum
    possible_values = StatutStructure
    default_value = StatutStructure.autre
    entity = Structure
    definition_period = ETERNITY
    label = "Statut juridique de la structure porteuse"
    reference = [COMMUNIQUE_2015, ALTERWAY_2016, USINE_DIGITALE_2016]
    documentation = "Confidence: confirmed (any status: alterway.fr, usine-digitale.fr)."


class lieu_formation(Variable):
    value_type = str
    default_value = ""
    entity = Formation
    definition_period = ETERNITY
    label = "Lieu où se déroule la formation (site, commune ou adresse), au sein de sa structure"
    reference = [USINE_DIGITALE_2016, ALTERWAY_2016, AUDITION_MINISTRE, KOOPERATION_2016]
    documentation = """
    Confidence: confirmed for the first call, disputed for the second (a
    fabrique is a place: « 171 formations, associées
    à 130 lieux appelés pour l'occasion "fabriques du numérique" »,
    usine-digitale.fr; « Parmi 130 sites retenus », « Ces 171 formations
    seront dispensées dans 130 établissements rebaptisés pour l’occasion »,
    alterway.fr; the minister expected « 160 formations labellisées » in
    « entre 80 et 90 fabriques du numérique », nosdeputes.fr, close to the 84
    structures: the reading interpretations.fabrique_par_structure, which
    the second call's announcements follow: « Bis 2017 sollen 200
    „Fabriken“, gemeint sind damit die Ausbildungsträger […] »,
    kooperation-international.de, 2016). An
    identifier of the site where the training runs, unique within its
    structure (a town, an address); the trainings of one structure with the
    same lieu run in one fabrique. Left empty: the structure's own site. A
    name that prints like another (a space at an end, an invisible
    character, a letter written as two) is refused, as an id is.
    """


class statut_structure_eligible(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Le statut juridique de la structure porteuse est éligible"
    reference = [COMMUNIQUE_2015, ALTERWAY_2016, USINE_DIGITALE_2016]
    documentation = "Confidence: confirmed. Every status is eligible in 2015."

    def formula(formation, period, parameters):
        """'…des formations dispensées par des structures publiques ou privées qui s’engagent…'"""
        structures = formation.simulation.populations["structure"]
        statut = structures("statut_structure", period)  # one per structure, projected only where it is needed

        def eligible(regles):
            # One flag per status, indexed by each structure's status code: a loop over 5 statuses, not over rows.
            drapeaux = numpy.array([regles.labellisation.statuts_eligibles[s.name] for s in StatutStructure])
            return numpy.True_ if drapeaux.all() else drapeaux[statut][structures.members_entity_id]

        return selon_appel(formation, period, parameters, eligible, False)


class eligible_labellisation(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La formation remplit toutes les conditions d'éligibilité au label"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed. Necessary, not sufficient: the labelling committee
    selects among eligible trainings (see labellisee). A dossier is judged by
    the conditions of its call (appel_du_dossier): those switched on under
    labellisation.conditions and interpretations.conditions.
    """

    def formula(formation, period, parameters):
        """'…des structures publiques ou privées qui s’engagent à respecter le cahier des charges…'"""
        regles = regles_des_appels(formation, period, parameters)
        appel = formation("appel_du_dossier", period)
        eligible = numpy.zeros(formation.count, dtype=bool)
        for numero, regles_appel in enumerate(regles, 1):  # a loop over the calls and their conditions
            remplies = appel == numero
            for condition in conditions_applicables(regles_appel, regles[0]):
                remplies &= formation(condition, period)
            eligible |= remplies
        return eligible


class DecisionComite(Enum):
    non_rendue = "Décision du comité non encore rendue"
    labellisee = "Formation labellisée par le comité"
    refusee = "Label refusé par le comité"


class decision_comite_labellisation(Variable):
    value_type = Enum
    possible_values = DecisionComite
    default_value = DecisionComite.non_rendue
    entity = Formation
    definition_period = ETERNITY
    label = "Décision du comité de labellisation"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed ("un Comité de labellisation associant experts et
    partenaires est mis en place"). Records a decision for some trainings
    of a situation without touching the others: OpenFisca fills a variable
    given for some entities only with its default for the rest, and here the
    default is no decision yet (non_rendue).
    """


class decision_comite_retenue(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La décision du comité labellise la formation (ou, sans décision, la convention du modèle)"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed (a committee selects). True where the committee's
    recorded decision (decision_comite_labellisation) labels the training;
    with no recorded decision, as the convention of the dossier's call says
    (conventions.sans_decision_formation_eligible_labellisee: true by
    default, a convention, not a reading of a text). Whether the training is
    eligible is labellisee's question.
    """

    def formula(formation, period, parameters):
        """'Pour cela, un Comité de labellisation associant experts et partenaires est mis en place.'"""
        decision = formation("decision_comite_labellisation", period)
        sans_decision = selon_appel(
            formation,
            period,
            parameters,
            lambda r: r.conventions.sans_decision_formation_eligible_labellisee,
            False,
        )
        return (decision == DecisionComite.labellisee) | et(decision == DecisionComite.non_rendue, sans_decision)


class labellisee(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "La formation est labellisée « Fabrique de la Grande École du numérique »"
    reference = [COMMUNIQUE_2015, CENTRE_INFFO_2025]
    documentation = """
    Confidence: seed. The committee selects among eligible dossiers: a
    training is labelled when it is eligible and the committee's recorded
    decision labels it (decision_comite_retenue); a decision to label an
    ineligible dossier is set aside (decision_comite_ecartee). A convention,
    not a reading of a text: with no recorded decision an eligible training
    counts as labelled. Confirmed: a decision dated from the arrêté
    dissolving the GIP labels nothing (label_decide_apres_dissolution).
    Given as an input, labellisee overrides the formula for every training
    of the situation; seed funding still requires eligibility.
    """

    def formula(formation, period):
        """'Pour cela, un Comité de labellisation associant experts et partenaires est mis en place.'"""
        labellisee = formation("eligible_labellisation", period) & formation("decision_comite_retenue", period)
        apres = formation("label_decide_apres_dissolution", period)
        if apres.any():  # « aucune nouvelle formation ne pourra obtenir le label »
            labellisee &= ~apres
        return labellisee


class decision_comite_ecartee(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Une décision de labellisation du comité a été écartée, le dossier n'étant pas éligible"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed (the committee labels trainings that commit to the cahier
    des charges). True where decision_comite_labellisation records
    `labellisee` for a dossier that is not eligible: the label needs
    eligibility, so the decision is set aside and nothing is paid.
    """

    def formula(formation, period):
        decision = formation("decision_comite_labellisation", period)
        return (decision == DecisionComite.labellisee) & numpy.logical_not(formation("eligible_labellisation", period))


class date_decision_comite(Variable):
    value_type = date
    entity = Formation
    definition_period = ETERNITY
    label = "Date de la décision du comité de labellisation"
    reference = COMMUNIQUE_2015
    documentation = """
    Confidence: seed (a committee decides). The day of the decision, from
    which the label runs. Left empty (1970-01-01), the label is taken to run
    from the month computed (see date_fin_validite_label).
    """


class date_debut_formation(Variable):
    value_type = date
    entity = Formation
    definition_period = ETERNITY
    label = "Date de début de la formation (sa première session)"
    reference = CENTRE_INFFO_2025
    documentation = """
    Confidence: confirmed that it matters once the GIP is dissolved (« les
    formations ayant débuté avant la date de l'arrêté restent labellisées »,
    centre-inffo.fr, 2025). A fact of the dossier, given once. Left empty
    (1970-01-01), the training is taken as begun before the arrêté.
    """


def jour_de_l_arrete(formation, period, parameters):
    """The day of the arrêté dissolving the GIP (programme.date_fin_labellisation), or None while it is not
    reached by the end of the month computed."""
    fin_labellisation = facultatif(formation, parameters(period.stop), "programme.date_fin_labellisation")
    if fin_labellisation is None or str(fin_labellisation) > str(period.stop):
        return None
    return numpy.datetime64(fin_labellisation)


class label_decide_apres_dissolution(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Le label de la formation a été décidé le jour de l'arrêté de dissolution du GIP ou après"
    reference = CENTRE_INFFO_2025
    documentation = """
    Confidence: confirmed for the rule, inferred for its time. True for a
    training whose committee decision (date_decision_comite) is dated on or
    after the arrêté of 8 January 2025 (programme.date_fin_labellisation,
    as in force on the decision's day, or its first value for a day before
    it, as a reform may date it): « aucune nouvelle formation ne
    pourra obtenir le label », so it is not labelled (labellisee) nor funded,
    in every month computed (inferred: a decision is judged under the law of
    its own day; computed in 2024, the label was never obtained all the
    same). False without a decision date. A training labelled before the
    arrêté keeps its label and its seed funding, even if it begins after
    (nouvelle_formation_apres_dissolution ends its label).
    """

    def formula(formation, period, parameters):
        """'…qu'aucune nouvelle formation ne pourra obtenir le label.'"""
        if not formation.simulation.get_known_periods("date_decision_comite"):  # no day given: no array of 1970s
            return numpy.zeros(formation.count, dtype=bool)
        decision = formation("date_decision_comite", period)
        parametre = formation.simulation.tax_benefit_system.parameters.programme.date_fin_labellisation
        valeurs = sorted((valeur.instant_str, valeur.value) for valeur in parametre.values_list)
        apres = numpy.zeros(formation.count, dtype=bool)
        # Each dated value judges the decisions of its days (the first one, every day before it too): a pass per
        # value of the law, not per day of decision.
        for rang, (debut, fin) in enumerate(valeurs):
            if fin is None:
                continue
            jugees = decision >= numpy.datetime64(fin)
            if rang:
                jugees &= decision >= numpy.datetime64(debut)
            if rang + 1 < len(valeurs):
                jugees &= decision < numpy.datetime64(valeurs[rang + 1][0])
            apres |= jugees
        return apres


class nouvelle_formation_apres_dissolution(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "La formation a débuté, ou son label a été décidé, à partir de l'arrêté de dissolution du GIP"
    reference = CENTRE_INFFO_2025
    documentation = """
    Confidence: confirmed. True once the arrêté of 8 January 2025
    (programme.date_fin_labellisation) is reached by the end of the month
    computed, for a training that began (date_debut_formation) or whose label
    was decided (date_decision_comite) on or after that day: « aucune
    nouvelle formation ne pourra obtenir le label », so its label ends the day
    before the arrêté (date_fin_validite_label). False before the arrêté.
    """

    def formula(formation, period, parameters):
        """'…les formations ayant débuté avant la date de l'arrêté restent labellisées mais qu'aucune nouvelle
        formation ne pourra obtenir le label.'"""
        jour = jour_de_l_arrete(formation, period, parameters)
        if jour is None:
            return numpy.zeros(formation.count, dtype=bool)
        return (formation("date_debut_formation", period) >= jour) | formation("label_decide_apres_dissolution", period)


class date_fin_validite_label(Variable):
    value_type = date
    entity = Formation
    definition_period = MONTH
    label = "Date jusqu'à laquelle court un label accordé dans le mois"
    reference = [ALTERWAY_2016, KOOPERATION_2015, CENTRE_INFFO_2021, TROISIEME_APPEL_2018, CENTRE_INFFO_2025]
    documentation = """
    Confidence: disputed for the first two calls (three years by default since
    0.7, kooperation-international.de and centre-inffo.fr; one year,
    alterway.fr: interpretations.label_premier_appel_trois_ans), confirmed for
    2018 (three years). The duration is that of the dossier's call. With
    date_decision_comite, the label runs to the day before the same date that
    many months later (decided 2016-02-03 for 36 months: to 2019-02-02).
    Without it (inferred), the month computed stands for the decision month
    and the label runs to the last day of the month that many months later.
    Once the GIP is dissolved (8 January 2025), the label of a training
    begun or labelled on or after that day ends the day before it
    (nouvelle_formation_apres_dissolution); the others keep their own end
    (inferred: the arrêté does not extend a label). 1970-01-01 for a training
    that is not labelled.
    """

    def formula(formation, period, parameters):
        """'Das dreijährige Label sollen konkrete Ausbildungen aber auch Strukturen erhalten…' (kooperation 2015)"""

        def duree(regles):
            trois_ans = lecture(formation, regles, "label_premier_appel_trois_ans")
            label = regles.labellisation
            return label.duree_validite_label_mois_selon_la_directrice if trois_ans else label.duree_validite_label_mois

        mois = selon_appel(formation, period, parameters, duree).astype("timedelta64[M]")
        fin = (numpy.datetime64(str(period.start), "M") + mois + 1).astype("datetime64[D]") - 1  # no decision date
        decision = formation("date_decision_comite", period)
        decidee = decision > numpy.datetime64("1970-01-01")
        if decidee.any():
            mois_decision = decision.astype("datetime64[M]")
            jour = decision - mois_decision.astype("datetime64[D]")  # days into the decision month
            # The same day `mois` months later, or the 1st of the next month where that one is shorter; minus a day.
            lendemain = numpy.minimum(
                (mois_decision + mois).astype("datetime64[D]") + jour,
                (mois_decision + mois + 1).astype("datetime64[D]"),
            )
            fin = numpy.where(decidee, lendemain - 1, fin)
        jour = jour_de_l_arrete(formation, period, parameters)
        if jour is not None:  # the label of a training begun after the arrêté ends the day before it
            nouvelle = formation("nouvelle_formation_apres_dissolution", period)
            fin = numpy.where(nouvelle, numpy.minimum(fin, jour - 1), fin)
        return numpy.where(formation("labellisee", period), fin, numpy.datetime64("1970-01-01"))


class label_en_vigueur(Variable):
    value_type = bool
    entity = Formation
    definition_period = MONTH
    label = "Le label de la formation est en vigueur pendant le mois"
    reference = [ALTERWAY_2016, CENTRE_INFFO_2021, TROISIEME_APPEL_2018, CENTRE_INFFO_2025]
    documentation = """
    Confidence: disputed for the first two calls, as date_fin_validite_label.
    True for a labelled training in a month that meets its validity: from the
    committee's decision (date_decision_comite) to date_fin_validite_label,
    both included (never, for a label decided after the GIP's dissolution).
    Without a decision date (inferred convention), the month computed stands
    for the decision month, so the label is in force in it.
    """

    def formula(formation, period):
        """'…À l'issue de cette période, les structures seront auditées afin d'envisager ou non sa reconduction.'"""
        debut, fin = numpy.datetime64(str(period.start)), numpy.datetime64(str(period.stop))
        decision = formation("date_decision_comite", period)  # 1970-01-01 when not given
        fin_validite = formation("date_fin_validite_label", period)
        encore_valide = (fin_validite >= debut) & (fin_validite >= decision)  # a label decided after it ends: none
        return formation("labellisee", period) & (decision <= fin) & encore_valide
