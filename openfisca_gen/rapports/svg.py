"""A few drawing pieces for light SVG charts: a canvas, round axis ticks, amounts written short, French numbers.

The pages draw their charts here rather than with matplotlib: an SVG of a
few kilobytes, drawn in a millisecond, that stays sharp and legible on a
phone (its text scales with the page, 360 units wide). No script, no style
sheet of its own: colours and a pattern for the second series, so that the
two series differ in print and for colour-blind readers too.
"""

import math
from html import escape

from openfisca_gen.rapports.tableaux import en_francais

LARGEUR = 360  # the canvas's width, in units: a phone's width, so that 12-unit text stays readable there
COULEURS = {"base": "#1f5fa8", "reforme": "#c2410c", "gagne": "#0b6e2e", "perd": "#a4001d", "egal": "#6b6b6b"}


def nombre_fr(valeur: float, decimales: int = 0) -> str:
    """1 234, 0,5, −3: French digits, thousands separated by a narrow no-break space."""
    return en_francais(f"{valeur:,.{decimales}f}")


def euros_court(valeur: float) -> str:
    """An amount written short for an axis: 0 €, 40 k€, 1,2 M€ (k€: thousands of euros, M€: millions)."""
    if abs(valeur) >= 1e6:
        return nombre_fr(valeur / 1e6, 0 if valeur % 1e6 == 0 else 1) + "\u00a0M€"
    if abs(valeur) >= 1e3:
        return nombre_fr(valeur / 1e3, 0 if valeur % 1e3 == 0 else 1) + "\u00a0k€"
    return nombre_fr(valeur) + "\u00a0€"


def graduations(maximum: float, nombre: int = 4) -> list[float]:
    """Round ticks from 0 to at least `maximum` (steps of 1, 2 or 5 times a power of ten), of whole units: the
    charts count euros and trainings (a population with none labelled was drawn 0 €, 0 €, 0 €, 1 €, 1 €; a step
    of 2.5 trainings labelled its lines 2 and 8)."""
    if not maximum > 0 or not math.isfinite(maximum):
        return [0.0, 1.0]
    brut = maximum / nombre
    puissance = 10 ** math.floor(math.log10(brut))
    pas = max(next(m * puissance for m in (1, 2, 2.5, 5, 10) if m * puissance >= brut and m * puissance % 1 == 0), 1)
    return [pas * i for i in range(math.ceil(maximum / pas - 1e-9) + 1)]


class Dessin:
    """An SVG canvas of LARGEUR x `hauteur` units, titled for assistive technologies (`titre`, `resume`)."""

    def __init__(self, ident: str, hauteur: int, titre: str, resume: str) -> None:
        self.ident, self.hauteur, self.parties = ident, hauteur, []
        self.titre, self.resume = titre, resume
        self.entete = (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {LARGEUR} {hauteur}" role="img" '
            f'aria-labelledby="{ident}-titre {ident}-resume" class="graphique" font-family="system-ui, sans-serif" '
            f'font-size="11"><title id="{ident}-titre">{escape(titre)}</title>'
            f'<desc id="{ident}-resume">{escape(resume)}</desc>'
            f'<defs><pattern id="{ident}-hachures" width="4" height="4" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="4" height="4" fill="{COULEURS["reforme"]}"/>'
            f'<line x1="0" y1="0" x2="0" y2="4" stroke="#fff" stroke-width="1.4"/></pattern></defs>'
        )

    def graphique(self, nom: str, csv: str) -> dict:
        """The chart as the pages show it: its file name, title, SVG, text alternative and data as CSV."""
        return {"nom": nom, "titre": self.titre, "svg": str(self), "resume": self.resume, "csv": csv}

    @property
    def hachures(self) -> str:
        return f"url(#{self.ident}-hachures)"

    def ajouter(self, balise: str, texte: str | None = None, **attributs) -> None:
        attrs = " ".join(f'{cle.rstrip("_").replace("_", "-")}="{escape(str(v))}"' for cle, v in attributs.items())
        fin = "/>" if texte is None else f">{escape(texte)}</{balise}>"
        self.parties.append(f"<{balise} {attrs}{fin}")

    def texte(self, x: float, y: float, texte: str, **attributs) -> None:
        self.ajouter("text", texte, x=round(x, 1), y=round(y, 1), **{"fill": "#1b1b1b", **attributs})

    def legende(self, y: float, elements: list[tuple]) -> None:
        """A row of (fill, label) swatches, or (fill, label, mark) with a mark drawn as the chart draws it (a path
        at {x} {y}), wrapped onto a second row if they do not fit."""
        x = 8
        for remplissage, libelle, *forme in elements:
            largeur = 18 + 6.2 * len(libelle)
            if x + largeur > LARGEUR:
                x, y = 8, y + 15
            if forme:
                self.ajouter("path", d=forme[0].format(x=x + 5, y=y - 4), fill=remplissage)
            else:
                self.ajouter("rect", x=x, y=y - 9, width=10, height=10, fill=remplissage)
            self.texte(x + 14, y, libelle)
            x += largeur + 10

    def __str__(self) -> str:
        return self.entete + "".join(self.parties) + "</svg>"
