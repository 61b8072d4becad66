"""The messages of reforms and parameters, key -> (English, French), as `validation.messages.MESSAGES` holds them
(which includes these): a reform's shape, its values, the rules they must keep, what they reach."""

MESSAGES_DES_REFORMES = {
    "reforme_pas_un_dictionnaire": (
        "A parametric reform is a non-empty mapping {{parameter path: {{date: value}}}}",
        "une réforme paramétrique associe à des chemins de paramètres des valeurs datées {{chemin: {{date: "
        "valeur}}}}, au moins une",
    ),
    "dates_attendues": (
        "expects a mapping {{date: value}}, got {valeur:r}",
        "attend des valeurs datées {{date: valeur}} (reçu {valeur:fr})",
    ),
    "ancien_et_nouveau_chemin": ("is also given by its old path '{ancien}': give it once, by this path",),
    "date_en_double": (
        "the date {date} is given twice (written two ways): give each date once",
        "la date {date} est donnée deux fois (écrite de deux façons) : donnez chaque date une seule fois",
    ),
    "pas_une_date": (
        "{texte:r} is not a date (YYYY-MM-DD, from {premier} to {dernier})",
        "{texte:fr} n'est pas une date réelle écrite AAAA-MM-JJ, du {premier:jour} au {dernier:jour}",
    ),
    "parametre_inconnu": (
        "Unknown parameter '{chemin}'.{suggestion}",
        "paramètre inconnu : « {chemin} »{suggestion_fr}",
    ),
    "noeud_pas_parametre": (
        "'{chemin}' is a node, not a parameter; its parameters are: {parametres:liste}",
        "« {chemin} » est un groupe de paramètres, pas un paramètre ; ses paramètres : {parametres:liste}",
    ),
    "valeur_inconnue_refusee": (
        "expects a value; null (unknown) is only for parameters the texts leave unknown",
        "une valeur est nécessaire",
    ),
    "booleen_de_parametre": ("expects true or false, got {valeur:r}", "doit être true ou false (reçu {valeur:fr})"),
    "liste_de_dates_attendue": (
        "expects a non-empty list of dates YYYY-MM-DD, got {valeur:r}",
        "attend une liste de dates AAAA-MM-JJ, au moins une (reçu {valeur:fr})",
    ),
    "dates_de_liste_attendues": (
        "expects dates as YYYY-MM-DD from {premier} to {dernier}, got {valeur:r}",
        "attend des dates réelles écrites AAAA-MM-JJ, du {premier:jour} au {dernier:jour} (reçu {valeur:cite})",
    ),
    "dates_croissantes_attendues": (
        "expects dates in increasing order, each once, got {valeur:r}",
        "attend des dates croissantes, chacune une seule fois (reçu {valeur:fr})",
    ),
    "parametre_negatif": (
        "expects a number >= 0, got {valeur:r}",
        "ne peut pas être négatif (vous avez saisi {valeur:fr})",
    ),
    "taux_hors_bornes": (
        "is a rate: expects a number between 0 and 1, got {valeur:r}",
        "doit être un taux entre 0 et 1, soit de 0 % à 100 % (vous avez saisi {valeur:fr})",
    ),
    "reforme_inconnue": (
        "Unknown reform '{nom}'{suggestion}; reforms: {noms:liste}",
        "réforme inconnue : {nom:fr}{suggestion_fr} ; réformes : {noms:liste}",
    ),
    "vague_incomplete": (
        "the second wave of the call opening on {ouverture} has no {manquant}: give both its days, or neither "
        "(null); one alone is no window",
        "la seconde vague de l'appel ouvert le {ouverture:jour} n'a pas de {manquant} : donnez ses deux dates, ou "
        "aucune ; une seule ne fait pas de fenêtre",
    ),
    "vague_sans_fenetre": (
        "the second wave of the call opening on {ouverture} closes on {limite}, before it opens on {debut}: no "
        "dossier could answer it",
        "la seconde vague de l'appel ouvert le {ouverture:jour} fermerait le {limite:jour}, avant d'ouvrir le "
        "{debut:jour} : aucun dossier n'y répondrait",
    ),
    "appels_chevauches": (
        "the call opening on {ouverture} opens on or before the last deadline ({limite}) of the call opened on "
        "{precedent}: a dossier filed in both windows would be judged again under the later call; open it after "
        "{limite}",
        "l'appel ouvert le {ouverture:jour} s'ouvrirait au plus tard le jour de la dernière date limite "
        "({limite:jour}) de l'appel ouvert le {precedent:jour} : un dossier déposé dans les deux fenêtres serait "
        "jugé à nouveau selon le second ; ouvrez-le après le {limite:jour}",
    ),
    "appel_sans_fenetre": (
        "the call opening on {ouverture} has a deadline before it ({limite}): no dossier could answer it",
        "l'appel ouvert le {ouverture:jour} aurait une date limite antérieure ({limite:jour}) : aucun dossier n'y "
        "répondrait",
    ),
    "appel_avant_les_regles": (
        "a call's rules would be read on {jour}, before {nombre} of its parameters have a value (such as "
        "'{exemple}'): give them from {jour} too, or open the call from {debut} on, when the rules start",
        "un appel serait jugé selon les règles du {jour:jour}, avant que {nombre} de ses paramètres n'aient une "
        "valeur (dont « {exemple} ») : donnez-les aussi à partir du {jour:jour}, ou ouvrez l'appel à partir du "
        "{debut:jour}, quand les règles commencent",
    ),
    "appel_perdu": (
        "the value from {debut} replaces the key of the call(s) opening on {jours:liste}, which would no longer be "
        "calls (a call reads its rules on the day its opening is keyed): give each call its day under its own key, "
        'to keep it ({{"{jour}": "{jour}"}}) or to move it',
        "la valeur donnée à partir du {debut:jour} efface l'appel ouvert le {jour:jour}{suivants_fr} (un appel lit "
        "ses règles le jour auquel son ouverture est datée) : donnez à chaque appel son jour sous sa propre date, "
        "pour le garder (« {jour} » à partir du {jour:jour}) ou le déplacer",
    ),
    "appel_sans_date_limite": (
        "a call would open on {ouverture} with no filing deadline in force on {jour} (the rules start on "
        "{debut}): give calendrier.dates_limites_depot from {jour} too",
        "un appel ouvrirait le {ouverture:jour} sans date limite de dépôt en vigueur le {jour:jour} (les règles "
        "commencent le {debut:jour}) : donnez aussi calendrier.dates_limites_depot à partir du {jour:jour}",
    ),
    "durees_incoherentes": (
        "minimum_mois ({minimum:g}) is above {maximum_nom} ({maximum:g}): no training could be eligible",
        "la durée minimale ({minimum:fr} mois) dépasse la durée maximale ({maximum:fr} mois) : aucune formation "
        "ne serait éligible",
    ),
    "valeur_debordante": (
        "the value {valeur:r} from {debut}{jusqua}: it also applies to call {appel} (opening {ouverture}), "
        "whose own value is {loi:r}; to change only the earlier calls, give the value back from {ouverture}",
        "{valeur:la_valeur} donnée à partir du {debut:jour}{jusqua_fr} s'applique aussi à l'appel n° {appel} "
        "(ouvert le {ouverture:jour}), dont la valeur est {loi:fr} ; pour ne changer que les appels précédents, "
        "redonnez cette valeur à partir du {ouverture:jour}",
    ),
    "projet_innovation_incomplet": (
        "an « Innovation » project is judged on its amount and its filing date: give both, or neither",
        "un projet « Innovation » se juge sur son montant et sa date de dépôt : indiquez les deux, ou aucun",
    ),
    "mois_avant_l_appel": (
        "in {mois}, the call of the dossier filed on {depot} had not opened: it would answer no call",
        "en {mois:mois}, l'appel dont relève le dossier, déposé le {depot:jour}, n'était pas encore ouvert : le "
        "dossier ne relèverait d'aucun appel ; choisissez le mois du dépôt ou un mois suivant, ou laissez vide",
    ),
    "lu_en_windows_1252": (
        "the file is not UTF-8 (line {ligne}): it was read as Windows-1252, as a spreadsheet of Windows saves a CSV; "
        "if its accents read wrong in the results, save it as CSV UTF-8",
        "le fichier n'est pas en UTF-8 (ligne {ligne}) : il a été lu en Windows-1252, comme l'enregistre un tableur "
        "sous Windows ; si ses accents s'affichent mal dans les résultats, enregistrez-le en CSV UTF-8",
    ),
    "lignes_commentees": (
        "line(s) {lignes:liste} below the header begin with '#' and are read as comments, not trainings; if one is "
        "a training, its first cell (in the first column) must not begin with '#'",
        "ligne(s) {lignes:liste} sous l'en-tête commençant par « # » : lues comme des commentaires, non comme des "
        "formations ; si l'une est une formation, sa première cellule (dans la première colonne) ne doit pas "
        "commencer par « # »",
    ),
    "colonnes_absentes": (
        "no column {noms:liste}: the dossiers' calls read them, and every training takes their default "
        "({defauts}); give them, or check the columns' names",
        "aucune colonne {noms:liste} : les appels des dossiers les lisent, et chaque formation prend leur valeur par "
        "défaut ({defauts_fr}) ; donnez-les, ou vérifiez les noms des colonnes",
    ),
    "appel_pas_encore_ouvert": (
        "{nombre} of the {total} dossiers answer a call that had not opened by {mois}, the month computed: they "
        "answer no call yet and get nothing; compute a later month (--period), such as {dernier}",
        "{nombre:fr} des {total:fr} dossiers relèvent d'un appel pas encore ouvert en {mois:mois}, le mois du "
        "calcul : ils ne relèvent encore d'aucun appel et n'obtiennent rien ; calculez un mois plus tardif, "
        "par exemple {dernier:mois} ({dernier})",
    ),
    "valeurs_sans_appel": (
        "{nombre} values, from {debut} ({valeur:r}) to {fin}, reach no call's rules: each call reads them on its "
        "opening day ({ouvertures:liste}); date a value from the opening of the call it is for",
        "{nombre:fr} valeurs, données à partir du {debut:jour} ({valeur:fr}) jusqu'au {fin:jour}, ne s'appliquent à "
        "aucun appel : chaque appel lit ses règles le jour de son ouverture ({ouvertures:jours}) ; datez une valeur "
        "de l'ouverture de l'appel qu'elle concerne",
    ),
    "valeur_sans_appel": (
        "the value {valeur:r} from {debut} reaches no call's rules: each call reads them on its opening day "
        "({ouvertures:liste}); date the value from the opening of the call it is for",
        "{valeur:la_valeur} donnée à partir du {debut:jour} ne s'applique à aucun appel : chaque appel lit ses "
        "règles le jour de son ouverture ({ouvertures:jours}) ; datez-la de l'ouverture de l'appel qu'elle concerne",
    ),
    "valeur_apres_l_ouverture": (
        "the value {valeur:r} from {debut} misses call {appel}, which reads its rules on its opening day "
        "({ouverture}): it applies from call {suivant} (opening {ouverture_suivante}); date the value from the "
        "opening of the call it is for",
        "{valeur:la_valeur} donnée à partir du {debut:jour} ne s'applique pas à l'appel n° {appel}, qui lit ses "
        "règles le jour de son ouverture ({ouverture:jour}) : elle s'applique à partir de l'appel n° {suivant} "
        "(ouvert le {ouverture_suivante:jour}) ; datez-la de l'ouverture de l'appel qu'elle concerne",
    ),
    "valeur_debordante_hors_champ": (
        "the value {valeur:r} from {debut}{jusqua}: it also applies to call {appel} (opening {ouverture}), "
        "which this reading does not concern under the law (null, read as false); to change only the earlier calls, "
        "give null back from {ouverture}",
        "{valeur:la_valeur} donnée à partir du {debut:jour}{jusqua_fr} s'applique aussi à l'appel n° {appel} "
        "(ouvert le {ouverture:jour}), que cette lecture ne concerne pas selon la loi (valeur inconnue, lue comme "
        "« non ») ; pour ne changer que les appels précédents, redonnez-lui une valeur inconnue à partir du "
        "{ouverture:jour}",
    ),
    "interrupteur_inconnu_lu": (
        "null from {debut} would be read as false by call {appel} (opening {ouverture}), which this reading concerns "
        "(its value there is {loi:r}): give true or false; null only where the reading concerns no call",
        "une valeur inconnue à partir du {debut:jour} serait lue comme « non » par l'appel n° {appel} (ouvert le "
        "{ouverture:jour}), que cette lecture concerne (elle y vaut {loi:fr}) : donnez true ou false ; une valeur "
        "inconnue seulement là où la lecture ne concerne aucun appel",
    ),
    "valeur_debordante_inconnue": (
        "the value {valeur:r} from {debut}{jusqua}: it also applies to call {appel} (opening {ouverture}), "
        "for which no source gives one (null); to change only the earlier calls, give null back from {ouverture}",
        "{valeur:la_valeur} donnée à partir du {debut:jour}{jusqua_fr} s'applique aussi à l'appel n° {appel} "
        "(ouvert le {ouverture:jour}), pour lequel aucune source n'en donne ; pour ne changer que les appels "
        "précédents, redonnez-lui une valeur inconnue à partir du {ouverture:jour}",
    ),
    "repartition_inconnue": (
        "cannot break the report down by {noms:liste}: give a variable of the trainings or their structures, one "
        "of {valides:liste}",
    ),
    "groupes_sans_les_formations": (
        "the groups leave out {nombre} of the {total} trainings: index them by formation_id, as "
        "Comparaison.formations is (a column of Population.table is indexed by row)",
    ),
    "repartition_non_calculee": (
        "the comparison has no column {noms:liste} to break the report down by: compute it with comparer(…, par=[…])",
    ),
    "rien_a_balayer": (
        "'{chemin}' has no value in force in {periode}: nothing to sweep; its first value applies from {premier}: "
        "sweep it in that month or a later one",
        "« {chemin} » n'a pas de valeur en vigueur en {periode:mois} : rien à balayer ; sa première vaut à partir de "
        "{premier:mois} (--period {premier})",
    ),
    "balayage_pas_une_liste": ("the values of a sweep must be a list of numbers, got {valeur:r}",),
    "valeurs_balayees_refusees": (
        "{nombre} values of the sweep are refused, the first ({premiere:r}) for the reason above, the last "
        "{derniere:r}",
    ),
    "balayage_pas_un_nombre": (
        "'{chemin}' takes {valeurs}, not numbers: only a number, an amount or a rate can be swept (a reading is "
        "compared with --reform, by its name: openfisca-gen reforms lists them)",
    ),
    "reforme_sans_effet": (
        "the reform gives every training and campaign the law's results in {periode}: what it changes judges none of "
        "this population's dossiers otherwise that month (another call's rule, a reading the law already takes, or "
        "a condition they all meet)",
        "la réforme donne à chaque formation et à chaque campagne les résultats de la loi en {periode:mois} : ce "
        "qu'elle change ne juge autrement aucun dossier de cette population ce mois-là (une règle d'un autre appel, "
        "une lecture que la loi retient déjà, ou une condition que tous remplissent)",
    ),
    "aucun_changement": (
        "the reform changes nothing",
        "Aucun changement : modifiez un paramètre ou choisissez une réforme livrée.",
    ),
    "base_deja_reformee": (
        "the baseline given is itself a reform ({nom}): pass the law's rules as the baseline, and combine "
        "reforms with reforms.combiner",
    ),
}
