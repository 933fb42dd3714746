// The page: take a letter, show the server's check of it, and let the user take rewrites, undo and download.
// All state lives here, in memory: the letter as given (a File or the pasted text) and, per step, the accepted
// edits and the check they produced. Undo goes back a step; nothing is stored anywhere.

import { ApiFailure, check, download, rules as loadRules, rewrite } from "./api.js";
import { findingCard } from "./cards.js";
import { compose } from "./edits.js";
import { drawLetter } from "./letter.js";

const $ = (selector) => document.querySelector(selector);
const app = $("#app");
const TARGET = app.dataset.targetLevel;
const MAX_BYTES = Number(app.dataset.maxBytes);
const number = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });

const marks = Object.fromEntries([...document.querySelectorAll("#category-filters .filter")].map((label) => [
  label.querySelector("input").value,
  { mark: label.querySelector(".badge").textContent, label: label.querySelector(".filter__label").textContent },
]));
const state = { source: null, steps: [], rules: new Map(), covers: new Map(), opened: null };
const current = () => state.steps[state.steps.length - 1];

// -- messages ---------------------------------------------------------------

function showError(message) {
  const box = $("#error");
  box.textContent = message;
  box.hidden = false;
}

function say(message) {
  $("#error").hidden = true;
  $("#status").textContent = message;
}

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

async function busy(message, work) {
  say(message);
  app.setAttribute("aria-busy", "true");
  document.querySelectorAll("#workspace button, #intake button").forEach((b) => b.setAttribute("disabled", ""));
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    say("");
    showError(error.message);
    return null;
  } finally {
    app.removeAttribute("aria-busy");
    document.querySelectorAll("#workspace button, #intake button").forEach((b) => b.removeAttribute("disabled"));
    $("#undo").disabled = state.steps.length < 2;
  }
}

// -- taking a letter --------------------------------------------------------

async function start(source) {
  const result = await busy("De brief wordt gecontroleerd…", () => check(source, []));
  if (!result) return;
  state.source = source;
  state.steps = [{ edits: [], result }];
  $("#undo").disabled = true;
  $("#intake").hidden = true;
  $("#workspace").hidden = false;
  render();
  const total = result.documents[0].findings.length;
  say(`De brief is gecontroleerd: ${plural(total, "bevinding", "bevindingen")}.`);
  $("#letter-title").focus();
}

function takeFile(file) {
  if (!file) return;
  if (file.size > MAX_BYTES) {
    showError(`Het bestand is te groot. De grens is ${app.dataset.maxMb} MB.`);
    return;
  }
  start({ file, name: file.name });
}

$("#file").addEventListener("change", (event) => {
  takeFile(event.target.files[0]);
  event.target.value = ""; // the File lives on in the state; choosing the same file again must work
});

const dropzone = $("#upload-form");
for (const type of ["dragenter", "dragover"]) {
  dropzone.addEventListener(type, (event) => {
    event.preventDefault();
    dropzone.classList.add("is-dragging");
  });
}
dropzone.addEventListener("dragleave", () => dropzone.classList.remove("is-dragging"));
dropzone.addEventListener("drop", (event) => {
  event.preventDefault();
  dropzone.classList.remove("is-dragging");
  takeFile(event.dataTransfer.files[0]);
});

$("#paste-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("#paste-text").value;
  if (!text.trim()) {
    showError("Plak eerst de tekst van een brief in het tekstvak.");
    $("#paste-text").focus();
    return;
  }
  start({ text, name: "geplakte-tekst.txt" });
});

$("#new-letter").addEventListener("click", () => {
  state.steps = [];
  $("#file").value = "";
  $("#workspace").hidden = true;
  $("#intake").hidden = false;
  say("");
  $("#intake-title").focus();
});

// -- rewrites and undo ------------------------------------------------------

async function accept(fix) {
  const { edits, result } = current();
  const next = compose(edits, fix.edits, result.letter.text);
  const checked = await busy("De herschrijving wordt overgenomen…", () => check(state.source, next));
  if (!checked) return;
  state.steps.push({ edits: next, result: checked });
  $("#undo").disabled = false;
  render();
  const left = checked.documents[0].findings.length;
  say(`Herschrijving overgenomen. Nog ${plural(left, "bevinding", "bevindingen")}.`);
  focusMarkFrom(Math.min(...fix.edits.map((edit) => edit.start)));
}

// Every safe rewrite at once, as the server's draft takes them (it skips those that clash or would lose a fact).
async function acceptSafe() {
  const { edits, result } = current();
  const answer = await busy("De veilige herschrijvingen worden overgenomen…", () => rewrite(state.source, edits));
  if (!answer) return;
  const { applied, dropped } = answer.draft;
  if (!applied.length) {
    say("Er zijn geen veilige herschrijvingen meer om over te nemen.");
    return;
  }
  state.steps.push({ edits: compose(edits, answer.draft.edits, result.letter.text), result: answer });
  $("#undo").disabled = false;
  render();
  const skipped = dropped.length ? `; ${plural(dropped.length, "is", "zijn")} overgeslagen` : "";
  say(`${plural(applied.length, "herschrijving", "herschrijvingen")} overgenomen${skipped}. `
    + `Nog ${plural(answer.documents[0].findings.length, "bevinding", "bevindingen")}.`);
}

$("#accept-safe").addEventListener("click", acceptSafe);

function focusMarkFrom(offset) {
  for (const [piece, covering] of state.covers) {
    if (piece.tabIndex === 0 && covering[0].start >= offset) return piece.focus();
  }
  $("#letter-title").focus();
}

$("#undo").addEventListener("click", () => {
  if (state.steps.length < 2) return;
  state.steps.pop();
  $("#undo").disabled = state.steps.length < 2;
  render();
  say(`Ongedaan gemaakt. ${plural(current().result.documents[0].findings.length, "bevinding", "bevindingen")}.`);
});

// -- drawing ----------------------------------------------------------------

function shown(finding) {
  const on = (name, value) => document.querySelector(`input[name="${name}"][value="${value}"]`)?.checked ?? true;
  return on("category", finding.category) && on("severity", finding.severity);
}

function render() {
  const { result } = current();
  const report = result.documents[0];
  const findings = report.findings.map((finding, index) => ({ ...finding, key: index })).filter(shown);
  const inText = findings.filter((f) => f.scope !== "letter" && f.end > f.start);
  $("#letter-name").textContent = result.letter.name;
  $("#draft-download").textContent = `Herschreven brief (${result.letter.format === "docx" ? ".docx" : ".txt"})`;
  state.covers = drawLetter($("#letter"), result.letter, inText, marks);
  drawLetterWide(findings.filter((f) => !inText.includes(f)));
  drawGauge(report.readability);
  drawChecklist(report.findings);
  drawCounts(report.summary);
  drawFigures(report.readability);
  closeDetail(false);
}

function cardsInto(list, findings, text) {
  list.replaceChildren(...findings.map((finding) =>
    findingCard(finding, { text, marks, rules: state.rules, onAccept: accept, key: finding.key })));
}

// Findings about the letter as a whole (something missing): one button each, opening its card.
function drawLetterWide(findings) {
  $("#letter-wide").hidden = !findings.length;
  $("#letter-wide-list").replaceChildren(...findings.map((finding) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = `wide-finding cat-${finding.category}`;
    const mark = document.createElement("span");
    mark.className = `badge cat-${finding.category}`;
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = marks[finding.category]?.mark ?? "?";
    const fixes = finding.fixes.length ? ` · ${plural(finding.fixes.length, "herschrijving", "herschrijvingen")}` : "";
    button.append(mark, document.createTextNode(`${finding.message}${fixes}`));
    button.addEventListener("click", () => openDetail([finding], null, button));
    item.append(button);
    return item;
  }));
}

function drawGauge(readability) {
  const level = readability?.level;
  const levels = [...document.querySelectorAll(".gauge__step")].map((step) => step.dataset.level);
  for (const step of document.querySelectorAll(".gauge__step")) {
    step.classList.toggle("is-level", step.dataset.level === level);
    step.classList.toggle("is-above", levels.indexOf(step.dataset.level) > levels.indexOf(TARGET));
    step.querySelector(".gauge__here")?.remove();
    if (step.dataset.level === level) {
      const here = document.createElement("span");
      here.className = "gauge__here";
      here.textContent = "deze brief";
      step.prepend(here);
    }
  }
  const text = $("#level-text");
  if (!level) {
    text.textContent = "Er is te weinig lopende tekst om het taalniveau te schatten.";
    return;
  }
  const difference = levels.indexOf(level) - levels.indexOf(TARGET);
  const verdict = difference > 0 ? `is moeilijker dan het doel (${TARGET})` : `haalt het doel (${TARGET})`;
  text.textContent = `Geschat taalniveau: ${level}. Dat ${verdict}.`;
}

function drawChecklist(findings) {
  const fired = new Set(findings.map((finding) => finding.rule));
  for (const item of document.querySelectorAll("#checklist li")) {
    const status = item.hasAttribute("data-inactive") ? "off" : fired.has(item.dataset.rule) ? "missing" : "ok";
    item.className = `checklist__item is-${status}`;
    item.querySelector(".checklist__state").textContent =
      { ok: "in orde", missing: "ontbreekt", off: "niet gecontroleerd" }[status];
  }
}

function drawCounts(summary) {
  for (const [category, count] of Object.entries(summary.by_category)) {
    const cell = document.querySelector(`[data-count-category="${category}"]`);
    if (cell) cell.textContent = count;
  }
  for (const [severity, count] of Object.entries(summary.by_severity)) {
    const cell = document.querySelector(`[data-count-severity="${severity}"]`);
    if (cell) cell.textContent = count;
  }
}

function drawFigures(readability) {
  const r = readability ?? {};
  const show = (value, format = number) => (value === null || value === undefined ? "–" : format.format(value));
  const share = (value) => (value === null || value === undefined ? "–" : `${whole.format(value * 100)} %`);
  const lint = r.lint_score === null || r.lint_score === undefined ? "–"
    : `${whole.format(r.lint_score)}${r.lint_level ? ` (niveau ${r.lint_level} van 4)` : ""}`;
  const rows = [
    ["Woorden", show(r.words)],
    ["Zinnen", show(r.sentences)],
    ["Woorden per zin", show(r.avg_sentence_length)],
    [`Zinnen van meer dan ${r.long_sentence_limit ?? 20} woorden`, share(r.long_sentences)],
    ["Zeldzame woorden", share(r.rare_words)],
    ["Ambtelijke woorden per 100 woorden", show(r.officialese)],
    ["LiNT-score", lint],
    ["Flesch-Douma", show(r.flesch_douma, whole)],
  ];
  $("#figures").replaceChildren(...rows.flatMap(([term, value]) => {
    const dt = document.createElement("dt");
    const dd = document.createElement("dd");
    dt.textContent = term;
    dd.textContent = value;
    return [dt, dd];
  }));
}

// -- the detail panel -------------------------------------------------------

// The cards of `findings` in the side panel; `spot` (if any) is marked in the letter; `opener` gets focus back.
function openDetail(findings, spot, opener) {
  const text = current().result.letter.text;
  document.querySelectorAll(".mark.is-selected").forEach((p) => p.classList.remove("is-selected"));
  for (const [piece, spots] of state.covers) {
    if (spots.includes(spot)) piece.classList.add("is-selected");
  }
  const quote = spot ? text.slice(spot.start, spot.end) : "";
  $("#detail-quote").hidden = !quote;
  $("#detail-quote").textContent = quote.length > 200 ? `„${quote.slice(0, 200)}…”` : `„${quote}”`;
  $("#detail-title").textContent = findings.length === 1 ? "Bevinding" : `${findings.length} bevindingen`;
  cardsInto($("#detail-list"), findings, text);
  $("#detail").hidden = false;
  state.opened = opener;
  $("#detail").scrollIntoView({ block: "nearest" });
  $("#detail-title").focus();
}

function openPiece(piece) {
  const covering = state.covers.get(piece);
  if (covering) openDetail(covering.flatMap((spot) => spot.findings), covering[0], piece);
}

function closeDetail(returnFocus = true) {
  $("#detail").hidden = true;
  document.querySelectorAll(".mark.is-selected").forEach((p) => p.classList.remove("is-selected"));
  if (returnFocus && state.opened?.isConnected) state.opened.focus();
  state.opened = null;
}

$("#letter").addEventListener("click", (event) => {
  const piece = event.target.closest(".mark");
  if (piece) openPiece(piece);
});
$("#letter").addEventListener("keydown", (event) => {
  const piece = event.target.closest(".mark--start");
  if (piece && (event.key === "Enter" || event.key === " ")) {
    event.preventDefault();
    openPiece(piece);
  }
});
$("#detail-close").addEventListener("click", () => closeDetail());
$("#detail").addEventListener("keydown", (event) => {
  if (event.key === "Escape") closeDetail();
});

for (const input of document.querySelectorAll(".filters input")) {
  input.addEventListener("change", () => current() && render());
}

// -- downloads --------------------------------------------------------------

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const DOWNLOADS = {
  annotate: () => download("/api/annotate", state.source, current().edits),
  draft: () => download("/api/draft", state.source, current().edits),
  report: async () => {
    const { letter, ...report } = current().result;
    const stem = letter.name.replace(/\.[^.]*$/, "") || "brief";
    return { blob: new Blob([JSON.stringify(report, null, 2)], { type: "application/json" }),
      name: `${stem}-rapport.json` };
  },
};

for (const button of document.querySelectorAll("[data-download]")) {
  button.addEventListener("click", async () => {
    const file = await busy("Het bestand wordt gemaakt…", DOWNLOADS[button.dataset.download]);
    if (!file) return;
    save(file.blob, file.name);
    say(`${file.name} is gedownload.`);
  });
}

loadRules().then((catalogue) => {
  state.rules = new Map(catalogue.rules.map((rule) => [rule.id, rule]));
});
