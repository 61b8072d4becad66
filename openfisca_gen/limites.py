"""The documented limits of the entry points, in one place (docs/validation.md lists them with their reasons).

Every accepted request answers within seconds on a 2-core machine, or is
refused by one of these with a message that names it.
"""

MAX_REQUEST_BYTES = 2 * 1024 * 1024  # a web request's body (--max-request-bytes)
VIDAGE_MAX = 64 * 1024 * 1024  # a refused body read to its end, so that its refusal is received (then closed)
DELAI_DE_VIDAGE = 5  # seconds a refused body's next part is waited for: a client that announces more than it
# sends held the only worker two minutes, then got gunicorn's 500
MAX_TRAININGS = 1000  # instances of any entity in a web request (--max-trainings)
MAX_PERIODES = 240  # periods one variable of one instance is given for: twenty years of months
# Months covered by the distinct periods a request gives inputs for, each period once whatever the instances
# (OpenFisca dispatches a period's value to each of its months: about half a second for these)
MAX_MOIS_DONNES = 24_000
# Distinct months a request asks values for, all variables and instances together: each month computes the rules
# for every instance (1 000 trainings over 240 months, about 4 s; a trace of 1 000 over 30 months, about 2 s)
MAX_MOIS_DEMANDES = 240
MAX_MOIS_TRACES = 30_000  # months asked × trainings in a /trace request, whose answer holds every value computed
MAX_COLONNES = 100  # columns of a table of trainings: the model has about thirty input variables
MAX_VALEURS_DATEES = 1000  # dated values of one reform, all its parameters together
MAX_TEXTE = 200  # characters of a text value (lieu_formation: a site, a town, an address)
MAX_LIGNE_DE_REQUETE = 8190  # a request line, link included, gunicorn reads (its most; 4094 by default)
MAX_NOMBRE_SAISI = 40  # characters a page's number field takes (« 1 000 000 000,00 € » is 18): 9 000 pasted made a link
# gunicorn refused in English
# Fields of a request's situation named as no variable of their entity, each with the names it may stand for (a
# name's suggestion takes about half a millisecond: 70 000 of them, a 1.6 MB body, took 35 s); the others counted
MAX_CHAMPS_INCONNUS = 100
