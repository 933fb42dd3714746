// One finding as a card: what is wrong, a tip, and its rewrites with a button to take each.

import { applyEdits } from "./edits.js";

const SEVERITY_LABELS = { error: "fout", warning: "waarschuwing", info: "info" };
const PREVIEW_CHARS = 320;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function shorten(text) {
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}

// The stretch of text the fix changes, as it would read afterwards.
function preview(fix, text) {
  const low = Math.min(...fix.edits.map((edit) => edit.start));
  const high = Math.max(...fix.edits.map((edit) => edit.end));
  const moved = fix.edits.map((edit) => ({ ...edit, start: edit.start - low, end: edit.end - low }));
  return applyEdits(text.slice(low, high), moved);
}

function fixElement(fix, text, onAccept, id) {
  const box = element("div", `fix fix--${fix.applicability}`);
  const description = element("p", "fix__description", fix.description);
  description.id = id;
  box.append(description);
  const after = preview(fix, text).trim();
  if (after) {
    const quote = element("p", "fix__preview");
    quote.append(element("span", "fix__label", "Wordt: "), element("q", "", shorten(after)));
    box.append(quote);
  }
  if (fix.applicability === "proposed") {
    box.append(element("p", "fix__note", "Dit is een voorstel: lees de nieuwe tekst na voordat u hem overneemt."));
  }
  const button = element("button", "button button--primary button--small", "Overnemen");
  button.type = "button";
  button.setAttribute("aria-describedby", id);
  button.addEventListener("click", () => onAccept(fix));
  box.append(button);
  return box;
}

export function findingCard(finding, { text, marks, rules, onAccept, key }) {
  const card = element("li", `card cat-${finding.category}`);
  const meta = element("p", "card__meta");
  const mark = element("span", `badge cat-${finding.category}`, marks[finding.category]?.mark ?? "?");
  mark.setAttribute("aria-hidden", "true");
  meta.append(mark, element("span", "", `${marks[finding.category]?.label ?? finding.category} · `),
    element("span", `severity-text severity-text--${finding.severity}`, SEVERITY_LABELS[finding.severity]));
  card.append(meta, element("p", "card__message", finding.message));
  if (finding.suggestion) card.append(element("p", "card__suggestion", `Tip: ${finding.suggestion}`));
  finding.fixes.forEach((fix, index) => card.append(fixElement(fix, text, onAccept, `fix-${key}-${index}`)));
  const why = rules.get(finding.rule)?.why;
  if (why) {
    const details = element("details", "card__why");
    details.append(element("summary", "", "Waarom?"), element("p", "", why));
    card.append(details);
  }
  return card;
}
