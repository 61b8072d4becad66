"""The one seam from validated input to an OpenFisca simulation.

Every entry point checks its input once (`openfisca_gen.validation`) and
builds its simulation here, from arrays: the ids of each entity, each
training's group, and the typed inputs by (variable, period). A situation in
the web API's JSON shape and a population table both come this way, so the
web API, the pages, the CLI and Python compute from the same simulation.

    from openfisca_gen.simulation import construire_simulation
    simulation = construire_simulation(tax_benefit_system, situation)
"""

import numpy
from openfisca_core import periods, projectors
from openfisca_core.errors import PeriodMismatchError, SituationParsingError
from openfisca_core.populations import GroupPopulation
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_gen.validation import EntreeInvalideError, Probleme, analyser_situation
from openfisca_gen.validation.erreurs import RefusOpenFiscaError, feuilles
from openfisca_gen.validation.types import ENTIER_MAX


def batir(tax_benefit_system, ids: dict, groupes: dict, entrees: dict):
    """A simulation of `ids` (entity key -> ids), `groupes` (group key -> each training's group index) and
    `entrees` ((variable, period) -> (indices, values), indices None for every instance of its entity).
    Months are set before years, as OpenFisca does, so that a year's value does not hide a month given too."""
    builder = SimulationBuilder()
    builder.create_entities(tax_benefit_system)
    for cle, population in list(builder.populations.items()):
        if not population.entity.is_person:
            builder.populations[cle] = Groupes(population.entity, population.members)
    for cle, population in builder.populations.items():  # as declare_entity, without its copy through a list
        population.ids = numpy.asarray(ids[cle])
        population.count = len(population.ids)
    for cle, codes in groupes.items():
        builder.populations[cle].members_entity_id = codes  # one role per group: OpenFisca's default
    simulation = builder.build(tax_benefit_system)
    for (nom, periode), (indices, valeurs) in sorted(entrees.items(), key=lambda e: _taille(e[0][1])):
        if indices is not None:
            variable = tax_benefit_system.variables[nom]
            tableau = variable.default_array(simulation.populations[variable.entity.key].count)
            tableau[indices] = valeurs
            valeurs = tableau
        simulation.set_input(nom, periode, valeurs)
    _verifier_totaux(simulation, {nom for nom, _ in entrees})
    return simulation


def _verifier_totaux(simulation, noms: set) -> None:
    """A campaign's counts add up its trainings' in a count (int32): 4 000 000 000 learners came out as
    −2 147 483 648, a share of women of 0. Refuse a campaign whose trainings' total of a count given (labelled or
    not: the labels are not known yet) would not fit, naming it and the count. Counts are never negative (refused
    before): where the whole population's fits, every campaign's does, and nothing is grouped."""
    campagnes, problemes = simulation.populations["campagne"], []
    for nom in sorted(noms):
        variable = simulation.tax_benefit_system.variables[nom]
        if variable.value_type is not int or variable.entity.key != "formation":
            continue
        for periode in simulation.get_holder(nom).get_known_periods():
            comptes = simulation.get_array(nom, periode)
            if comptes.sum(dtype=numpy.int64) <= ENTIER_MAX:
                continue
            totaux = numpy.bincount(campagnes.members_entity_id, weights=comptes, minlength=campagnes.count)
            for indice in numpy.flatnonzero(totaux > ENTIER_MAX):
                details = {"total": int(totaux[indice]), "maximum": ENTIER_MAX}
                problemes.append(
                    Probleme("total_trop_grand", details, "champ", "campagne", str(campagnes.ids[indice]), nom)
                )
    if problemes:
        raise EntreeInvalideError(problemes)


class Groupes(GroupPopulation):
    """OpenFisca's group population, but a sum over one group, a campaign of every training, is not a one-bin
    `bincount`, which adds into one cell element after element, 10x slower: counts (booleans, integers) are
    `numpy.sum`, exact below 2^53; amounts are the last of `numpy.cumsum`, which adds in the same order as
    `bincount` (float64, one after the other from the first), so that the answer's last digit is plain
    OpenFisca's, which /calculate must equal (0.0 + …: bincount starts from +0.0, a sum of -0.0 is +0.0). The
    model's own sums of amounts do not come here: they are snapped to the millionth, so numpy's pairwise sum
    serves them (helpers.somme_de_montants); this one serves a reform's or a caller's formula."""

    @projectors.projectable
    def sum(self, array, role=None):
        if self.count != 1 or role is not None or array.dtype.kind not in "biuf" or not array.size:
            return super().sum(array, role)
        self.members.check_array_compatible_with_entity(array)
        if array.dtype.kind == "f":
            return numpy.array([0.0 + numpy.cumsum(array, dtype=numpy.float64)[-1]])
        return numpy.array([numpy.sum(array, dtype=numpy.int64)], dtype=numpy.float64)

    def nombres_de_membres(self) -> numpy.ndarray:
        """Each group's number of members (helpers.nombres_de_membres), counted once while the members are the same
        array: a structure's totals, per call and all calls together, are snapped by it in every computation."""
        if getattr(self, "_nombres", (None,))[0] is not self.members_entity_id:
            nombres = numpy.bincount(self.members_entity_id, minlength=self.count)
            nombres.flags.writeable = False  # shared by every formula that asks
            self._nombres = (self.members_entity_id, nombres)
        return self._nombres[1]

    def clone(self, simulation):
        copie = super().clone(simulation)
        copie.__class__ = Groupes
        return copie


def _taille(periode: str):
    return periods.key_period_size(periods.period(periode))


def simuler(tax_benefit_system, analyse):
    """The simulation of an analysed situation (`validation.analyser_situation`)."""
    return batir(tax_benefit_system, analyse.ids, analyse.groupes, analyse.entrees)


def construire_simulation(tax_benefit_system, situation: dict, analyse=None, periode=None):
    """An OpenFisca simulation of a situation (the web API's JSON shape), checked as the web server checks it.

    Raises SituationInvalideError where OpenFisca's SimulationBuilder would
    accept a wrong value silently or fail obscurely, and RefusOpenFiscaError
    (one too) where it alone refuses the situation. `analyse`: the situation
    already analysed (a request that builds several simulations reads it once).
    With `periode`, a campaign whose dossiers answer several calls in that
    month is refused (`verifier_campagnes`)."""
    analyse = analyse or analyser_situation(tax_benefit_system, situation)
    try:
        simulation = simuler(tax_benefit_system, analyse)
    except (SituationParsingError, PeriodMismatchError) as erreur:
        raise refus_d_openfisca(tax_benefit_system, erreur) from None
    if periode is not None:
        verifier_campagnes(simulation, periode)
    return simulation


def refus_d_openfisca(tax_benefit_system, erreur) -> RefusOpenFiscaError:
    """OpenFisca's refusal of a situation, each of its messages a problem at the place its keys name: the
    entity (its plural), the id, the field, the period."""
    entites = {entite.plural: entite.key for entite in tax_benefit_system.entities}
    problemes = []
    for chemin, texte in feuilles(erreur.error):
        cles = chemin.split("/")
        place = dict(zip(("entite", "id", "champ", "periode"), cles, strict=False))
        if len(cles) == 1:
            place = {"lieu": "requete", "champ": cles[0]}
        else:
            place["lieu"] = "entite" if len(cles) == 2 else "champ"
            place["entite"] = entites.get(place["entite"], place["entite"])
        problemes.append(Probleme("refus_openfisca", {"texte": texte}, **place))
    return RefusOpenFiscaError(problemes, erreur.error, erreur.code or 400)


def verifier_campagnes(simulation, periode, champ: str = "formations", fichier: str | None = None) -> None:
    """A campaign is judged under one call: refuse one whose dossiers answer several, naming it, the calls and
    `champ`, what makes its members (a situation's `formations`, a table's `campagne_id`, in `fichier`); the entry
    points split a table by call themselves where it gives no campaign."""
    melees = numpy.flatnonzero(simulation.calculate("appels_melanges_dans_la_campagne", periode))
    if len(melees):
        campagnes = simulation.populations["campagne"]
        appels = simulation.calculate("appel_du_dossier", periode)
        problemes = []
        for indice in melees:
            membres = campagnes.members_entity_id == indice
            numeros = sorted(int(n) for n in numpy.unique(appels[membres]) if n)
            ident = str(campagnes.ids[indice])
            details = {"campagne": ident, "appels": numeros}
            problemes.append(Probleme("campagne_melee", details, "champ", "campagne", ident, champ, fichier=fichier))
        raise EntreeInvalideError(problemes)
