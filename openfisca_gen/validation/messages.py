"""Every message of the model, in words: `MESSAGES`, key -> (English, French), those of reforms and parameters
kept in `messages_des_reformes`, and `MESSAGES_DU_CHAMP`, the pages' sentences next to a field (kept in
`messages_du_champ`). A `Probleme` (validation.erreurs) names its message by key
and gives the values it uses; nothing else here.
"""

from openfisca_gen.validation.messages_des_reformes import MESSAGES_DES_REFORMES
from openfisca_gen.validation.messages_du_champ import MESSAGES_DU_CHAMP  # noqa: F401 (one place for every message)

# The messages: (English, French). A message without French is one the pages never show (the CLI's own).
# English is written as the CLI and the web API have always written it; French as a training provider reads.
MESSAGES = {
    # Values of the model's types
    "nombre_attendu": ("expects a number, got {valeur:r}", "doit être un nombre : {valeur:fr} n'en est pas un"),
    "entier_attendu": (
        "expects a whole number within ±{maximum}, got {valeur:r}",
        "doit être un nombre entier, sans virgule, compris entre −{maximum:fr} et {maximum:fr} (vous avez saisi "
        "{valeur:fr})",
    ),
    "trop_de_chiffres": (
        "cannot be held exactly by a number, and would be rounded: {valeur:r}; write at most 15 significant digits",
        "ne peut pas être gardé exactement par un nombre et serait arrondi : {valeur:fr} ; écrivez au plus 15 "
        "chiffres significatifs",
    ),
    "nombre_fini_attendu": (
        "expects a finite number within ±1e9, got {valeur:r}",
        "doit être un nombre compris entre moins un milliard et un milliard (vous avez saisi {valeur:fr})",
    ),
    "booleen_attendu": ("expects true or false, got {valeur:r}", "doit être true ou false (reçu {valeur:fr})"),
    "booleen_ou_chiffre_attendu": (
        "expects true or false (or 1 or 0), got {valeur:r}",
        "doit être true ou false (ou 1 ou 0), reçu {valeur:fr}",
    ),
    "date_attendue": (
        "expects a date YYYY-MM-DD from {premier} to {dernier}, got {valeur:r}",
        "doit être une date réelle écrite AAAA-MM-JJ, du {premier:jour} au {dernier:jour} (reçu {valeur:fr})",
    ),
    # The same, in a semicolon-separated file, as French Excel saves it (validation.tables reads its forms too)
    "point_sans_milliers": (
        "in a file of decimal commas, a point groups digits by three (1.500 is 1500): {valeur:r} does not; write "
        "a decimal with a comma (1,5)",
        "dans un fichier à virgule décimale, un point sépare les chiffres par groupes de trois : {valeur:fr} n'en "
        "sépare pas ; écrivez les décimales après une virgule (1,5)",
    ),
    "booleen_attendu_fr": (
        "expects VRAI or FAUX (or oui or non, true or false, 1 or 0), got {valeur:r}",
        "doit être VRAI ou FAUX (ou oui ou non, true ou false, 1 ou 0), reçu {valeur:fr}",
    ),
    "date_attendue_fr": (
        "expects a day from {premier} to {dernier}, written 12/10/2015, 12 octobre 2015 or 2015-10-12, got {valeur:r}",
        "doit être une date réelle du {premier:jour} au {dernier:jour}, écrite 12/10/2015, 12 octobre 2015 ou "
        "2015-10-12 (reçu {valeur:fr})",
    ),
    "champ_en_double": (
        "is given more than once, with different values ({textes:liste}): give one",
        "plusieurs valeurs différentes sont données ({textes:fr})",
    ),
    "choix_attendu": (
        "expects one of {noms:liste}, got {valeur:r}",
        "doit être l'un de : {noms:liste} (reçu {valeur:fr})",
    ),
    "texte_attendu": ("expects a string, got {valeur:r}", "doit être un texte"),
    "texte_trop_long": ("is longer than {maximum} characters", "dépasse {maximum:fr} caractères"),
    "texte_qui_s_affiche_comme_un_autre": (
        "must not begin or end with a space, nor hold an invisible character or a letter written as two, got "
        "{valeur:r}: two places that print alike would be two fabriques",
        "ne peut pas commencer ni finir par une espace, ni contenir un caractère invisible ou une lettre écrite en "
        "deux ({valeur:id}) : deux lieux qui s'affichent pareil seraient deux fabriques",
    ),
    "cellule_vide": ("empty cell: write a value", "cellule vide : donnez une valeur"),  # its default is refused
    "cellule_vide_defaut": (
        "empty cell: write a value, or {defaut} where there is none (the column's default, which a column left out "
        "gives every training)",
        "cellule vide : donnez une valeur, ou {defaut} s'il n'y en a pas (la valeur par défaut de la colonne, que "
        "prend chaque formation si la colonne est retirée)",
    ),
    "obligatoire": ("a value is required", "Valeur obligatoire : ce champ doit être rempli."),
    # The domain of the model's values
    "negatif": ("must be >= 0, got {valeur:g}", "ne peut pas être négatif (vous avez saisi {valeur:fr})"),
    "hors_bornes": (
        "must be from {bas:g} to {haut:g}, got {valeur:g}",
        "doit être compris entre {bas:fr} et {haut:fr} (vous avez saisi {valeur:fr})",
    ),
    "non_positif": ("must be > 0, got {valeur:g}", "doit être supérieur à zéro (vous avez saisi {valeur:fr})"),
    "entier_positif_attendu": ("'{quoi}' expects a whole number of {minimum} or more, got {valeur:r}",),
    "langue_inconnue": ("reports are written in {langues:liste}, not {valeur:r}",),
    "decision_avant_depot": (
        "{valeur} is before the dossier was filed ({depot}): a committee decides on a dossier filed",
        "la décision ({valeur:jour}) précède le dépôt du dossier ({depot:jour})",
    ),
    "plus_que_les_apprenants": (
        "{valeur:g} is more than nombre_apprenants ({apprenants:g})",
        "{valeur:fr} : c'est plus que le nombre d'apprenants de la session ({apprenants:fr})",
    ),
    "sans_apprenants": (
        "{valeur:g} given without nombre_apprenants",
        "{valeur:fr} : indiquez aussi le nombre d'apprenants de la session",
    ),
    # Ids and groups
    "id_vide": ("an id must be a non-empty text", "un identifiant ne peut pas être vide"),
    "id_avec_barre": (
        "an id must not contain '/', got {valeur:r}",
        "un identifiant ne peut pas contenir « / » (reçu {valeur:fr})",
    ),
    "id_trop_long": (
        "an id of {longueur:,} characters: an id has at most {maximum}",
        "un identifiant de {longueur:fr} caractères : un identifiant en compte au plus {maximum}",
    ),
    "id_avec_espaces": (
        "an id must not begin or end with a space, nor hold an invisible character or a letter written as two, "
        "got {valeur:r}: it would be another id than the one that prints alike",
        "un identifiant ne peut pas commencer ni finir par une espace, ni contenir un caractère invisible ou une "
        "lettre écrite en deux ({valeur:id}) : ce serait un autre identifiant que celui qui s'affiche pareil",
    ),
    "id_en_double": ("duplicate id", "cet identifiant est déjà celui d'une autre formation"),
    "ids_de_formations_attendus": ("expects a list of formation ids, got {valeur:r}",),
    "formation_inconnue": ("unknown formation '{membre}'",),
    "formation_deja_membre": ("formation '{membre}' is already in {groupe} '{autre}'",),
    "id_automatique_pris": (
        "a {groupe} is named '{nom}', the id OpenFisca would give to the {groupe} of formation '{nom}', which is "
        "in no {groupe}: put that formation in a {groupe}, or give the {groupe} another id",
    ),
    "objet_attendu": ("{lieu} must be an object {{variable: {{period: value}}}}",),
    "objet_periodes_attendu": ("expects an object {{period: value}}, got {valeur:r}",),
    "situation_pas_un_objet": (
        "the situation must be a JSON object {{entity plural: {{id: {{variable: {{period: value}}}}}}}}",
    ),
    "refus_openfisca": ("{texte}",),  # OpenFisca's own words, where its builder alone judges a situation
    "entite_inconnue": ("unknown entity '{nom}'; expected one of {connues:liste}",),
    "variable_inconnue": ("unknown variable{suggestion}",),
    "groupe_sans_formation": (
        "lists no training: what it gives holds for none; list its trainings in '{role}'",
        "ne liste aucune formation : ce qui lui est donné ne vaut pour aucune ; listez ses formations dans « {role} »",
    ),
    "aucune_formation": ("{lieu} holds no training: a situation gives at least one",),
    "champs_inconnus_en_trop": (
        "{nombre} more fields name no variable of their entity, not listed (at most {maximum})",
    ),
    "variable_d_une_autre_entite": ("is a variable of each {entite}: give it under '{pluriel}'",),
    "entite_pas_un_objet": ("'{nom}' must be an object {{id: {{variable: {{period: value}}}}}}",),
    "trop_d_instances": ("too many {nom}: {nombre}, at most {maximum} per request",),
    "trop_de_periodes": (
        "is given for {nombre} periods, at most {maximum}",
        "est donné pour {nombre} périodes, au plus {maximum}",
    ),
    "trop_de_valeurs_datees": (
        "the reform gives {nombre} dated values, at most {maximum}",
        "la réforme donne {nombre} valeurs datées, au plus {maximum}",
    ),
    "campagne_melee": (
        "mixes dossiers of calls {appels:liste}: a campaign is judged under one call; "
        "give each call's dossiers their own campaign",
        "la campagne mêle des dossiers de plusieurs appels ({appels:liste}) : une campagne se juge selon un seul "
        "appel ; donnez aux dossiers de chaque appel leur propre campagne",
    ),
    "total_trop_grand": (
        "its trainings add up to {total}, more than a count holds ({maximum}): check their values",
        "ses formations en totalisent {total:fr}, plus qu'un compte ne peut en tenir ({maximum:fr}) : vérifiez leurs "
        "valeurs",
    ),
    "faits_differents": (
        "is given with different values for {periodes:liste}: it is a fact of the dossier, given once",
        "est donné avec des valeurs différentes pour {periodes:liste} : c'est un fait du dossier, à donner une "
        "seule fois",
    ),
    # Periods
    "pas_une_periode": (
        "{texte:r} is not a period; give a month such as 2015-10",
        "{texte:cite} n'est pas un mois : écrivez-le AAAA-MM, par exemple 2015-10",
    ),
    "periode_hors_modele": (
        "{texte:r} is outside the months the model covers, {premier} to {dernier}",
        "{texte:cite} est hors des mois que le modèle couvre ({premier:mois} à {dernier:mois})",
    ),
    "periode_avant_les_regles": (
        "no rule is in force in {texte}: the first call opens on {ouverture}",
        "aucune règle n'est en vigueur en {texte:mois} : le premier appel ouvre le {ouverture:jour}",
    ),
    "un_mois_attendu": (
        "variables are monthly: give a month such as 2015-10, not {texte:r}",
        "donnez un mois, par exemple 2015-10, et non {texte:cite}",
    ),
    "periode_de_la_variable": (
        "is defined by {unite}, request a period such as 2015-10, not {texte:r}",
        "se calcule par mois : demandez un mois tel que 2015-10, et non {texte:cite}",
    ),
    "periode_trop_courte": (
        "is defined by {unite}, give it for months or years, not {texte:r}",
        "se donne par mois ou par année, pas pour {texte:cite}",
    ),
    "periode_d_un_fait": (
        'holds for all time (a fact, defined for ETERNITY): give it for "ETERNITY" (or for a month or a year), '
        "not {texte:r}",
        "vaut en tout temps (un fait, défini pour ETERNITY) : donnez-le pour « ETERNITY » (ou pour un mois ou une "
        "année), pas pour {texte:cite}",
    ),
    "periodes_chevauchantes": (
        "is given for {textes:liste}, which overlap: give each month one value",
        "est donné pour des périodes qui se chevauchent ({textes:liste})",
    ),
    "periode_d_une_variable_calculee": (
        "is computed by the model by {unite}: give it for one {unite} at a time, not {texte:r}",
        "se donne pour un mois à la fois, pas pour {texte:cite}",
    ),
    "trop_de_mois_demandes": (
        "asks values for {nombre} distinct months, at most {maximum} per request: split it, or ask for the months "
        "that matter",
    ),
    "trace_trop_grande": (
        "asks a trace of {mois} months for {formations} trainings, at most {maximum} months × trainings per "
        "request: the trace holds every value computed; split it, or use /calculate",
    ),
    "calcul_partiel": (
        "is computed by the model, and given for some instances only: {nombre} other(s) ({ids:liste}) would "
        "read {defaut:r} instead of their own value; give it for every instance for that period, or for none",
        "est calculé par le modèle, et donné pour une partie seulement : {nombre:fr} autre(s) ({ids:liste}) "
        "prendrai(en)t {defaut:fr} au lieu de leur propre valeur ; donnez-le pour tous pour cette période, ou pour "
        "aucun",
    ),
    "trop_de_mois_donnes": (
        "the inputs' periods cover {nombre} months, at most {maximum} per request: give each value for the months "
        "that matter",
        "les périodes données couvrent {nombre} mois, au plus {maximum}",
    ),
    "periode_vide": (
        "{texte:r} covers no month: give a size of 1 or more",
        "{texte:cite} ne couvre aucun mois : donnez une durée d'au moins 1",
    ),
    "periode_decalee": (
        "{texte:r} does not start on the first day of a month: give a calendar month such as 2015-10",
        "{texte:cite} ne commence pas le premier jour d'un mois : donnez un mois du calendrier, par exemple 2015-10",
    ),
    "periode_manquante": ("{lieu} is missing: give the month to compute, such as 2015-10",),
    "simulation_d_un_autre_mois": ("this simulation was built for {construite}: build one for {mois}",),
    "simulation_d_autres_formations": (
        "this simulation is of other trainings, or of another population ({nombre}, the first '{premiere}'; this "
        "population has {attendus}, in its own order): compute with this population's own simulation()",
    ),
    "periode_a_preciser": ("{lieu} is missing, and the situation writes {textes:liste}: give the month to compute",),
    "entree_hors_periode": ("{lieu} does not hold in {mois}, the month computed: give it for {mois} (or its year)",),
    **MESSAGES_DES_REFORMES,  # reforms and parameters
    # Sweeps
    "balayage_trop_grand": ("a sweep computes at most {maximum} values; {donne}: take a larger step",),
    "balayage_trop_petit": ("a sweep compares at least 2 values; {donne}",),
    "bornes_non_finies": ("--from, --to and --step must be finite numbers, got {debut}, {fin}, {pas}",),
    "bornes_inversees": ("a sweep needs --from <= --to, got {bornes}",),
    "pas_non_positif": ("a sweep needs --step > 0, got --step {pas:g}",),
    "etendue_infinie": ("{bornes}: the range is wider than a number holds",),
    "balayage_sans_effet": (
        "every value of {chemin} from {debut:g} to {fin:g} gives the same totals: no dossier of this population is "
        "judged in {periode} by a rule that reads it (a parameter of another call, or a threshold or a ceiling that "
        "none of its trainings reaches in this range)",
        "chaque valeur de {chemin} de {debut:fr} à {fin:fr} donne les mêmes totaux : aucun dossier de cette "
        "population n'est jugé en {periode:mois} par une règle qui la lit (un paramètre d'un autre appel, ou un seuil "
        "ou un plafond qu'aucune de ses formations n'atteint sur cet intervalle)",
    ),
    # Tables and files
    "colonne_en_double": ("{lieu} is given more than once; keep one", "donnée plus d'une fois : gardez-en une"),
    "colonne_calculee": (
        "{lieu} is computed by the model, not an input",
        "calculée par le modèle, ce n'est pas une donnée d'entrée : retirez-la",
    ),
    "colonne_inconnue": (
        "{lieu} is not an input variable{suggestion} (input columns: {colonnes:liste})",
        "colonne inconnue{suggestion_fr} ; colonnes d'entrée : {colonnes:liste}",
    ),
    "colonne_inconnue_aussi": (
        "{lieu} is not an input variable either{suggestion}",
        "colonne inconnue elle aussi{suggestion_fr}",
    ),
    "table_vide": ("the table has no trainings (no rows)", "le fichier ne contient aucune formation"),
    "structure_incoherente": (
        "differs between the rows of this structure",
        "diffère d'une ligne à l'autre de la même structure",
    ),
    "ligne_trop_longue": (
        "{lieu}: {champs} fields, the header has {entete}",
        "ligne trop longue : {champs:fr} champs, l'en-tête en a {entete:fr}",
    ),
    "pas_de_l_utf8": (
        "cannot read '{fichier}': it is not UTF-8 text{ligne}; save it as UTF-8",
        "le fichier {fichier:fr} n'est pas du texte UTF-8{ligne_fr} : enregistrez-le en UTF-8 (CSV UTF-8)",
    ),
    "ni_utf8_ni_windows": (
        "cannot read '{fichier}': it is neither UTF-8 text (line {ligne}) nor Windows-1252 text (a control "
        "character or an undefined byte, line {autre}); save it as CSV UTF-8",
        "le fichier {fichier:fr} n'est ni du texte UTF-8 (ligne {ligne}) ni du texte Windows-1252 (un caractère de "
        "contrôle ou un octet non défini, ligne {autre}) : enregistrez-le en CSV UTF-8",
    ),
    "encodages_melanges": (
        "cannot read '{fichier}': it mixes UTF-8 (line {utf8}) and another encoding (line {ligne}), so that the same "
        "id could be read as two; save it again as CSV UTF-8",
        "le fichier {fichier:fr} mêle de l'UTF-8 (ligne {utf8}) et un autre encodage (ligne {ligne}) : un même "
        "identifiant pourrait y être lu comme deux ; enregistrez-le de nouveau en CSV UTF-8",
    ),
    "classeur": (
        "cannot read '{fichier}': it is a workbook (Excel, LibreOffice), not CSV text; save it as CSV UTF-8",
        "le fichier {fichier:fr} est un classeur (Excel, LibreOffice) : enregistrez-le en CSV UTF-8",
    ),
    "archive": (
        "cannot read '{fichier}': it is a zip archive, not CSV text; unzip it and give the CSV file",
        "le fichier {fichier:fr} est une archive zip : décompressez-la et donnez le fichier CSV",
    ),
    "pas_du_texte": (
        "cannot read '{fichier}': it holds binary data (a NUL byte on line {ligne}), not CSV text",
        "le fichier {fichier:fr} n'est pas du texte (un octet nul ligne {ligne}) : enregistrez-le en CSV",
    ),
    "trop_de_colonnes": (
        "cannot read '{fichier}': its header has {nombre} columns, at most {maximum} (the input variables are fewer)",
        "le fichier {fichier:fr} a {nombre:fr} colonnes, au plus {maximum:fr} (il y a moins de variables d'entrée)",
    ),
    "peripherique": (
        "cannot read '{fichier}': it is a device or a pipe, not a file; save the table to a file first",
        "le fichier {fichier:fr} ne peut pas être lu : c'est un périphérique ou un tube, pas un fichier ; "
        "enregistrez d'abord la table dans un fichier",
    ),
    "cellule_trop_longue": (
        "cannot read '{fichier}': a cell of its line {ligne} is over {longueur:,} characters long, longer than any "
        "value of a column",
        "le fichier {fichier:fr} ne peut pas être lu : une cellule de sa ligne {ligne} compte plus de {longueur:fr} "
        "caractères, plus qu'aucune valeur d'une colonne",
    ),
    "description_trop_longue": (
        "cannot read '{fichier}': its line {ligne}, a description ('#'), is over {longueur:,} characters long",
        "le fichier {fichier:fr} ne peut pas être lu : sa ligne {ligne}, une description (« # »), compte plus de "
        "{longueur:fr} caractères",
    ),
    "entete_trop_longue": (
        "cannot read '{fichier}': its header is over {longueur:,} characters long, longer than any columns' names",
        "le fichier {fichier:fr} ne peut pas être lu : sa ligne d'en-tête compte plus de {longueur:fr} caractères, "
        "plus que les noms de toutes les colonnes",
    ),
    "illisible": (
        "cannot read '{fichier}': {raison}",
        "le fichier {fichier:fr} ne peut pas être lu (en anglais : {raison})",
    ),
    "guillemet_non_ferme": (
        "cannot read '{fichier}': the quote (\") that opens a cell on line {ligne} is never closed",
        'le fichier {fichier:fr} ne peut pas être lu : le guillemet (") qui ouvre une cellule ligne {ligne} '
        "n'est jamais fermé",
    ),
    "source_de_population": (
        "a population is a bundled population's name ({populations}), a CSV file's path or a pandas DataFrame, "
        "got {valeur:r}",
    ),
    "tabulations": (
        "cannot read '{fichier}': its columns are separated by tabs; save it as CSV, separated by commas (or "
        "semicolons)",
        "les colonnes du fichier {fichier:fr} sont séparées par des tabulations : enregistrez-le en CSV, séparé par "
        "des virgules (ou des points-virgules)",
    ),
    "fichier_vide": ("cannot read '{fichier}': the file is empty", "le fichier {fichier:fr} est vide"),
    "que_des_commentaires": (
        "cannot read '{fichier}': its {lignes} line(s) begin with '#', a description above the header, and no "
        "header follows",
        "le fichier {fichier:fr} n'a pas d'en-tête : ses {lignes} ligne(s) commencent par « # », une description "
        "au-dessus de l'en-tête, et aucun en-tête ne suit",
    ),
    "fichier_absent": ("cannot read '{fichier}': no such file", "le fichier {fichier:fr} n'existe pas"),
    "population_inconnue": (
        "cannot read '{fichier}': no such file, nor a bundled population ({populations})",
        "{fichier:fr} n'est ni un fichier ni une population fournie ({populations})",
    ),
    "fichier_dossier": ("cannot read '{fichier}': it is a folder, not a file", "{fichier:fr} est un dossier"),
    "fichier_illisible": (
        "Cannot read {quoi} '{fichier}': {raison}",
        "le fichier {fichier:fr} ne peut pas être lu ({raison})",
    ),
    "fichier_trop_gros": (
        "the file and the form together are larger than {maximum} bytes",
        "le fichier, avec le formulaire, dépasse la taille admise ({maximum:fr} octets pour l'ensemble)",
    ),
    "changement_hors_du_mois": (
        "'{libelle}' has no value under the rules in force in {mois}: the change typed for it is not compared; give "
        "the month back, or take the change back",
        "« {libelle} » ne s'applique pas aux règles en vigueur en {mois:mois} : votre changement n'est pas comparé. "
        "Revenez au mois d'avant, ou rétablissez ce réglage.",
    ),
    "changement_d_un_autre_mois": (
        "'{libelle}' was typed over the value in force in {affiche} ({avant}); in {mois}, the value in force is "
        "{loi}: the change is not compared; type it again for this month, or take it back",
        "votre valeur a été saisie à la place de celle en vigueur en {affiche:mois} ({avant}) ; en {mois:mois}, la "
        "valeur en vigueur est {loi} : elle n'est pas comparée. Saisissez-la de nouveau pour ce mois, ou "
        "rétablissez ce réglage.",
    ),
    "formulaire_non_recu": (
        "the form was not received with that file: what was typed with it is to be typed again",
        "Le formulaire n'a pas été reçu avec ce fichier : ce que vous aviez saisi avec lui est à saisir de nouveau.",
    ),
    "trop_de_formations": (
        "the file has {nombre} trainings; at most {maximum} per request (--max-trainings)",
        "le fichier contient {nombre:fr} formations : l'atelier en compare au plus {maximum:fr} à la fois ; "
        "pour plus, utilisez openfisca-gen compare",
    ),
    # The web API's requests
    "nombre_json_invalide": ("{nom} is not a valid JSON number",),
    "cle_en_double": ("The key {lieu} is given twice in an object",),
    "json_trop_profond": ("the JSON is nested too deeply",),
    "json_invalide": ("Invalid JSON: {raison}",),
    "json_pas_en_utf8": (
        "the body is not UTF-8 (byte {octet} at position {position}): send JSON in UTF-8, whatever the charset",
    ),
    "corps_pas_un_objet": ("the request body must be a JSON object",),
    "corps_pas_du_json": ("the request body must be JSON, sent with the header Content-Type: application/json",),
    "corps_compresse": ("the body is sent with Content-Encoding: {codage}: send the JSON uncompressed",),
    "requete_trop_grosse": ("the request is larger than {maximum} bytes (--max-request-bytes)",),
    "barre_finale": ("{chemin} ends with a slash: the route is {route}, where the request is sent again",),
    "champ_manquant": ("{lieu} is missing: {aide}",),
    "champ_du_lien_inconnu": (
        "the link gives {nom:r}, which is no field of this page{suggestion}: it is not read",
        "le lien donne {nom:id}, qui n'est pas un champ de cette page{suggestion_fr} : il n'est pas lu, et le "
        "calcul se fait sans lui",
    ),
    "champ_inconnu": ("{lieu} is not a field of this request (it takes {champs:liste}){suggestion}",),
    "variables_pas_une_liste": ("{lieu} must be a list of variable names",),
    "aucune_variable_demandee": ("{lieu} names no variable: give at least one",),
    "variables_vides": ("{lieu} names no variable: give at least one, or leave it out for {defaut:liste}",),
    "simulation_attendue": ("expects a simulation (Population.simulation(…)), got {valeur:r}",),
    "systeme_attendu": (
        "expects the rules to compute under, an OpenFisca tax-benefit system (openfisca_gen.CountryTaxBenefitSystem(), "
        "or a reform of it), got {valeur:r}",
    ),
    "variables_inconnues": ("unknown variable(s) {noms:liste}{suggestion}",),
    "variable_de_groupe": (
        "variable(s) of a structure or a campaign, one value per group: {noms:liste}; ask Population.tables for them "
        "(a training table would repeat each value on every training of the group)",
    ),
    # The command line
    "reforme_ou_balayage": ("give --reform NAME|FILE.yaml or --sweep PARAMETER{les_deux}",),
    "bornes_sans_balayage": ("--from, --to and --step are for --sweep, not --reform",),
    "options_sans_balayage": ("--by and --top are for --reform: a sweep's table has one row per value swept",),
    "bornes_requises": (
        "--sweep {chemin}: give --from and --to (their defaults, {debut:,} to {fin:,} €, are a ceiling's)",
    ),
    "aucune_variable": ("--variables names no variable: give names separated by commas",),
    "variables_inconnues_cli": ("unknown variable(s): {noms:liste}{suggestion}",),
    "sortie_vide": ("--out is empty: give {quoi}",),
    "sortie_dossier": ("--out '{chemin}' is a folder; give a file name",),
    "sortie_speciale": ("--out '{chemin}' is not a file (a named pipe, a device): give a file name",),
    "sortie_extension": ("--out '{chemin}': give a file ending in .csv or .xlsx",),
    "sortie_sans_nom": ("--out '{chemin}': give the file a name, such as {exemple}",),
    "sortie_fichier": ("--out '{chemin}' is a file; give a folder (it is created if missing)",),
    "sortie_sans_dossier": ("--out '{chemin}': the folder '{dossier}' does not exist",),
    "sortie_non_inscriptible": ("--out '{chemin}': not writable",),
    "sortie_ecrase_donnees": ("--out '{chemin}' would overwrite the data file '{donnees}': give another name",),
    "donnees_pas_un_chemin": ("'donnees' must be the path of the data file read, got {valeur:r}",),
    "table_ecrase_donnees": (
        "--out: the report's table '{chemin}' would overwrite the data file '{donnees}': write the report in "
        "another folder",
    ),
    "sortie_impossible": ("--out '{chemin}': cannot create the folder ({raison})",),
    "adresse_indisponible": ("{option}: cannot listen on {adresse}:{port} ({raison}); choose another {option}",),
}
