// Optional: the pages work as plain forms and plain links. With JavaScript, a form answers without a reload (the
// address still becomes the result's link), says that it is computing, the simulator asks the questions of the
// call chosen as soon as it is chosen, and a source file's #L12-L20 highlights its range of lines.
"use strict";

// The address of the page shown: a popstate to the same address only moved its #part
let adresseAffichee = window.location.pathname + window.location.search;
// Each move in the history (popstate): an answer asked before the last one comes too late to be shown
let navigations = 0;

function remplacerContenu(html) {
  const page = new DOMParser().parseFromString(html, "text/html");
  const nouveau = page.getElementById("contenu");
  const ancien = document.getElementById("contenu");
  if (!nouveau || !ancien) {
    return false;
  }
  ancien.replaceWith(nouveau);
  document.title = page.title;
  brancher();
  return true;
}

function montrer(cible) {
  cible.focus();
  cible.scrollIntoView({ block: "start" });
}

async function envoyer(formulaire, bouton) {
  const depart = navigations;
  const donnees = new FormData(formulaire);
  // The form as typed, shown again (without a result) when Back returns to this page, a form without a result
  const tapee = document.getElementById("resultat") ? null : new URLSearchParams(donnees);
  if (bouton && bouton.name) {
    donnees.append(bouton.name, bouton.value);
  }
  const statut = formulaire.querySelector("[data-statut]");
  // Nothing typed while it computes: the answer replaces the form, and what was typed then would be lost unsaid.
  // Given back before the plain form is sent (a disabled field is not sent).
  const figes = Array.from(formulaire.elements).filter((champ) => !champ.disabled);
  const soumettre = () => {
    figes.forEach((champ) => { champ.disabled = false; });
    if (bouton && bouton.name) { // submit() sends no button: the one pressed (« changer ») is given
      const cache = document.createElement("input");
      cache.type = "hidden";
      cache.name = bouton.name;
      cache.value = bouton.value;
      formulaire.appendChild(cache);
    }
    formulaire.submit();
  };
  formulaire.setAttribute("aria-busy", "true");
  figes.forEach((champ) => { champ.disabled = true; });
  if (statut) {
    statut.textContent = "Calcul en cours…";
  }
  try {
    let reponse;
    if (formulaire.getAttribute("method") === "get") {
      const adresse = formulaire.getAttribute("action") + "?" + new URLSearchParams(donnees).toString();
      reponse = await fetch(adresse);
    } else {
      reponse = await fetch(formulaire.getAttribute("action"), { method: "POST", body: donnees });
    }
    const html = await reponse.text();
    if (navigations !== depart) {
      return; // Back or Forward while it computed: the page moved on, a late answer would replace it
    }
    if (!remplacerContenu(html)) {
      soumettre();
      return;
    }
    // A result is a new page of the history; the same form shown for another call or month replaces its own, but
    // never a result (Back would skip it). A POST answered in place (nothing changed) keeps the address shown.
    const change = bouton && bouton.name === "changer";
    if (!change && tapee && formulaire.hasAttribute("data-simulateur")) {
      tapee.set("changer", "appel");
      history.replaceState({ saisie: tapee.toString() }, "");
    }
    const enPlace = formulaire.getAttribute("method") !== "get" && !reponse.redirected &&
      !document.getElementById("resultat");
    const adresse = enPlace ? window.location.href : reponse.url;
    history[(change && tapee) || enPlace ? "replaceState" : "pushState"]({ page: true }, "", adresse);
    adresseAffichee = window.location.pathname + window.location.search;
    const changeAppel = change && bouton.value === "appel";
    const cible = changeAppel ? document.getElementById("appel") :
      document.getElementById("erreurs") || document.getElementById("erreurs-donnees") ||
      document.getElementById("resultat") || document.getElementById("contenu");
    montrer(cible);
  } catch (erreur) {
    soumettre(); // the plain form still works
  }
}

function brancherSimulateur(formulaire) {
  const appel = formulaire.querySelector("#appel");
  const date = formulaire.querySelector("#date_depot_dossier");
  const changerAppel = formulaire.querySelector("button[name=changer][value=appel]");
  if (!appel || !changerAppel) {
    return;
  }
  changerAppel.hidden = true;
  appel.addEventListener("change", () => envoyer(formulaire, changerAppel));
  if (date) {
    // A filing date of another call's window: that call's questions (the model judges a dossier by its date).
    date.addEventListener("change", () => {
      const jour = date.value;
      const option = Array.from(appel.options).find((o) => o.dataset.debut <= jour && jour <= o.dataset.fin);
      if (option && option.value !== appel.value) {
        appel.value = option.value;
        envoyer(formulaire, changerAppel);
      }
    });
  }
}

function brancherAtelier(formulaire) {
  const population = formulaire.querySelector("#population");
  const afficher = formulaire.querySelector("button[name=changer][value=mois]");
  if (population && afficher) {
    // Another population: its own month and the values in force then, what was changed kept.
    population.addEventListener("change", () => {
      if (population.value !== "fichier") {
        envoyer(formulaire, afficher);
      }
    });
  }
}

function brancher() {
  document.querySelectorAll("form[data-sans-rechargement]").forEach((formulaire) => {
    formulaire.addEventListener("submit", (evenement) => {
      evenement.preventDefault();
      envoyer(formulaire, evenement.submitter);
    });
    if (formulaire.hasAttribute("data-simulateur")) {
      brancherSimulateur(formulaire);
    }
    if (formulaire.hasAttribute("data-atelier")) {
      brancherAtelier(formulaire);
    }
  });
  document.querySelectorAll("[data-imprimer]").forEach((bouton) => {
    bouton.hidden = false;
    bouton.addEventListener("click", () => window.print());
  });
}

function surlignerLignes() {
  const plage = /^#L(\d+)-L(\d+)$/.exec(window.location.hash);
  if (!plage) {
    return;
  }
  const debut = Number(plage[1]);
  const fin = Number(plage[2]);
  for (let numero = debut; numero <= fin; numero += 1) {
    const ligne = document.getElementById("L" + numero);
    if (ligne) {
      ligne.classList.add("choisie");
    }
  }
  const premiere = document.getElementById("L" + debut);
  if (premiere) {
    premiere.scrollIntoView({ block: "start" });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  brancher();
  surlignerLignes();
});
// Back and forward between results replaced without a reload: show the page of that address, or, for the empty
// form left by its first result, the form as it was typed.
window.addEventListener("popstate", async (evenement) => {
  if (window.location.pathname + window.location.search === adresseAffichee) {
    return; // only the #part moved (« Modifier les informations », an error's link): the page shown is this one
  }
  navigations += 1;
  adresseAffichee = window.location.pathname + window.location.search;
  const saisie = evenement.state && evenement.state.saisie;
  if (saisie) {
    try {
      const reponse = await fetch(window.location.pathname + "?" + saisie);
      if (remplacerContenu(await reponse.text())) {
        return;
      }
    } catch (erreur) {
      // shown by the address below
    }
  }
  window.location.reload();
});
