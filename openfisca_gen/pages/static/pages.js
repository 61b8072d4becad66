// Optional: the pages work as plain forms. With JavaScript, a form answers without a reload, and a
// source file's #L12-L20 highlights its range of lines.
"use strict";

function remplacerContenu(html) {
  const page = new DOMParser().parseFromString(html, "text/html");
  const nouveau = page.getElementById("contenu");
  const ancien = document.getElementById("contenu");
  if (!nouveau || !ancien) {
    return false;
  }
  ancien.replaceWith(nouveau);
  brancherFormulaires();
  const cible = document.getElementById("erreurs") || document.getElementById("erreurs-donnees") ||
    document.getElementById("resultat") || nouveau;
  cible.focus();
  cible.scrollIntoView({ block: "start" });
  return true;
}

function brancherFormulaires() {
  document.querySelectorAll("form[data-sans-rechargement]").forEach((formulaire) => {
    formulaire.addEventListener("submit", async (evenement) => {
      evenement.preventDefault();
      const bouton = formulaire.querySelector("button[type=submit]");
      bouton.disabled = true;
      bouton.setAttribute("aria-busy", "true");
      try {
        const reponse = await fetch(formulaire.action, { method: "POST", body: new FormData(formulaire) });
        if (!remplacerContenu(await reponse.text())) {
          formulaire.submit();
        }
      } catch (erreur) {
        formulaire.submit(); // the plain form still works
      }
    });
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
  brancherFormulaires();
  surlignerLignes();
});
