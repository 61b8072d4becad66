"""Files read by the entry points: UTF-8 text, and YAML read by the rules of JSON and CSV, not YAML 1.1's."""

import json
import re
from pathlib import Path

import yaml

from openfisca_gen.validation.erreurs import EntreeInvalideError, Probleme, court
from openfisca_gen.validation.types import lire_entier, lire_flottant

ENTIER_DECIMAL = r"[-+]?[0-9]+"
NOMBRE_DECIMAL = r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"


def lignes_bornees(fichier, limite: int = 1 << 20):
    """(number, bytes) of a binary file's lines, each read to `limite` bytes at most: a longer line comes in parts
    of the same number, and a file without a line break is never held whole (300 MB took 676 MB)."""
    numero = 1
    for morceau in iter(lambda: fichier.readline(limite), b""):
        yield numero, morceau
        numero += morceau.endswith(b"\n")


def ligne_pas_en_utf8(chemin) -> int | None:
    """The first line of a file that is not UTF-8 text (None when the whole file is undecodable as lines)."""
    with open(chemin, "rb") as fichier:
        for numero, ligne in lignes_bornees(fichier):
            try:
                ligne.decode("utf-8")
            except UnicodeDecodeError:
                return numero
    return None


def pas_de_l_utf8(chemin, nom=None) -> Probleme:
    """The problem of a file that is not UTF-8 text, naming its first line that is not (and the file as `nom`)."""
    numero = ligne_pas_en_utf8(chemin)
    lignes = (
        {"ligne": f" (line {numero})", "ligne_fr": f" (ligne {numero})"} if numero else {"ligne": "", "ligne_fr": ""}
    )
    return Probleme("pas_de_l_utf8", {"fichier": nom or str(chemin), **lignes})


class LecteurYaml(yaml.SafeLoader):
    """YAML read by the rules of the other entry points (JSON, CSV), not YAML 1.1's: numbers in decimal or
    exponent notation (`1e9`, `1.5e3`; never `0x10`, `0o20` or the sexagesimal `1:30`), booleans `true` and
    `false` only (never `yes`, `on`, `TRUE`), null written (`null`, `~`: an empty value is refused, a value
    forgotten), dates left as text (checked as YYYY-MM-DD like every date, so an
    impossible date or a time is named, not a crash). Keys are kept as written (`true:` is the text 'true', not
    a boolean). A duplicate key or an alias is refused, with its line and column, rather than silently
    resolved."""

    yaml_implicit_resolvers = {}  # only those added below

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            marque = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", marque)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(None, None, "expected a mapping", node.start_mark)
        resultat = {}
        for noeud_cle, noeud_valeur in node.value:
            if not isinstance(noeud_cle, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(None, None, "a key must be a plain value", noeud_cle.start_mark)
            cle = noeud_cle.value  # as written: a date, a path, 'true' are all keys of text
            if cle in resultat:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {cle!r}", noeud_cle.start_mark)
            resultat[cle] = self.construct_object(noeud_valeur, deep=deep)
        return resultat

    def construire_nombre(self, node):  # also for an explicit !!int or !!float
        texte = self.construct_scalar(node)
        if re.fullmatch(ENTIER_DECIMAL, texte):
            return lire_entier(texte)
        if re.fullmatch(NOMBRE_DECIMAL, texte):
            return lire_flottant(texte)
        probleme = f"{court(texte)} is not a number in decimal or exponent notation"
        raise yaml.constructor.ConstructorError(None, None, probleme, node.start_mark)

    def construire_vide(self, node):
        if node.value == "":  # `2015-09-17:` left blank would be null, unknown: a ceiling forgotten, then none
            probleme = "an empty value: write it (null, under a date, for a value no source gives)"
            raise yaml.constructor.ConstructorError(None, None, probleme, node.start_mark)
        return None

    def construire_booleen(self, node):
        texte = self.construct_scalar(node)
        if texte not in ("true", "false"):
            probleme = f"{court(texte)} is not a boolean: write true or false"
            raise yaml.constructor.ConstructorError(None, None, probleme, node.start_mark)
        return texte == "true"


for _etiquette, _motif, _debuts in (
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
    ("bool", r"true|false", ["t", "f"]),
    ("int", ENTIER_DECIMAL, list("-+0123456789")),  # before float: a whole number stays an int
    ("float", NOMBRE_DECIMAL, list("-+.0123456789")),
):
    LecteurYaml.add_implicit_resolver(f"tag:yaml.org,2002:{_etiquette}", re.compile(f"^(?:{_motif})$"), _debuts)
LecteurYaml.add_constructor("tag:yaml.org,2002:int", LecteurYaml.construire_nombre)
LecteurYaml.add_constructor("tag:yaml.org,2002:float", LecteurYaml.construire_nombre)
LecteurYaml.add_constructor("tag:yaml.org,2002:bool", LecteurYaml.construire_booleen)
LecteurYaml.add_constructor("tag:yaml.org,2002:null", LecteurYaml.construire_vide)


def lire_yaml(chemin, quoi: str = "the file", erreur=EntreeInvalideError):
    """The YAML file at `chemin`, read with LecteurYaml; `erreur` (an EntreeInvalideError class) naming the file
    and, for a syntax problem, its line and column, otherwise."""
    return _lire(chemin, quoi, erreur, lambda texte: yaml.load(texte, Loader=LecteurYaml))


def lire_json(chemin, quoi: str = "the file", erreur=EntreeInvalideError):
    """The JSON file at `chemin`, by JSON's own grammar (a tab indents it, which YAML refuses), with the rules of
    every entry point (`REGLES_JSON`); refused as `lire_yaml` refuses."""
    return _lire(chemin, quoi, erreur, lambda texte: json.loads(texte, **REGLES_JSON))


def _sans_doublon(paires):
    objet = dict(paires)
    if len(objet) != len(paires):
        cles = [cle for cle, _ in paires]
        cle = next(cle for cle in cles if cles.count(cle) > 1)
        raise EntreeInvalideError([Probleme("cle_en_double", {}, "requete", champ=cle)])
    return objet


def _pas_un_nombre_json(nom):
    raise EntreeInvalideError([Probleme("nombre_json_invalide", {"nom": nom})])


# JSON as the standard says, for the web API's bodies and the files alike: each key once per object, no NaN or
# Infinity (refused naming them), a number beyond what a float holds kept for the validation to name its field.
REGLES_JSON = {"object_pairs_hook": _sans_doublon, "parse_constant": _pas_un_nombre_json, "parse_int": lire_entier,
               "parse_float": lire_flottant}  # fmt: skip


def _lire(chemin, quoi: str, erreur, lire):
    try:
        return lire(Path(chemin).read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        numero = ligne_pas_en_utf8(chemin)
        raison = f"it is not UTF-8 text{f' (line {numero})' if numero else ''}; save it as UTF-8"
    except yaml.MarkedYAMLError as exception:
        marque = exception.problem_mark
        raison = exception.problem + (f" (line {marque.line + 1}, column {marque.column + 1})" if marque else "")
    except json.JSONDecodeError as exception:
        raison = f"{exception.msg} (line {exception.lineno}, column {exception.colno})"
    except RecursionError:
        raison = "it is nested too deeply"
    except FileNotFoundError:
        raison = "no such file"
    except IsADirectoryError:
        raison = "it is a folder, not a file"
    except PermissionError:
        raison = "permission denied"
    except EntreeInvalideError as exception:  # a JSON file's key twice, or NaN
        raison = exception.problemes[0].en()
    except (OSError, yaml.YAMLError) as exception:
        raison = getattr(exception, "strerror", None) or str(exception).splitlines()[0]
    raise erreur([Probleme("fichier_illisible", {"quoi": quoi, "fichier": str(chemin), "raison": raison})])
