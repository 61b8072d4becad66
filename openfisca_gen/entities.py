"""The entities of the model: the training, its provider, the call campaign.

A training (`formation`) is the unit that is labelled and funded, so it is the
person entity: OpenFisca needs every group to have members, and a training is
described before it has learners (see ARCHITECTURE.md).
"""

from openfisca_core.entities import build_entity

Formation = build_entity(
    key="formation",
    plural="formations",
    label="Formation proposée au label « Fabrique de la Grande École du numérique »",
    doc="""
    A training in a digital trade, proposed for the label by a structure in
    answer to a call. Its audience is described by the counts of one session's
    intake.
    """,
    is_person=True,
)

_ROLE_FORMATION = {
    "key": "formation",
    "plural": "formations",
    "label": "Formation",
    "doc": "A training belonging to the group.",
}

Structure = build_entity(
    key="structure",
    plural="structures",
    label="Structure porteuse des formations",
    doc="""
    The public or private provider that runs the trainings and commits to the
    cahier des charges: an association, a company, a public body, a local
    authority...
    """,
    roles=[_ROLE_FORMATION],
)

Campagne = build_entity(
    key="campagne",
    plural="campagnes",
    label="Campagne de labellisation",
    doc="""
    The set of trainings answering one call; the national audience objectives
    are measured over the trainings it labels.
    """,
    roles=[_ROLE_FORMATION],
)

entities = [Formation, Structure, Campagne]
