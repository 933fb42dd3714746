// The letter with its findings in place. Findings overlap (a jargon word inside a long sentence), so the text is
// cut at every finding's edges into pieces; a piece is marked in the category of the innermost finding over it.
// Findings with the same range form one spot; the first piece of a spot is a button (Tab, Enter) that opens
// every finding over that piece. Letter text only ever goes in as text nodes, never as HTML.

const SEVERITY = { error: 2, warning: 1, info: 0 };
const PART_LABELS = { header: "Koptekst", footer: "Voettekst" };
// Characters: a finding over more (a sentence, a paragraph) is underlined only, not tinted, to keep the page calm.
const LONG_SPOT = 60;

export function spotsOf(findings) {
  const spots = new Map();
  for (const finding of findings) {
    const key = `${finding.start}:${finding.end}`;
    if (!spots.has(key)) spots.set(key, { start: finding.start, end: finding.end, findings: [] });
    spots.get(key).findings.push(finding);
  }
  for (const spot of spots.values()) spot.findings.sort((a, b) => SEVERITY[b.severity] - SEVERITY[a.severity]);
  return [...spots.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

// Innermost first: the shortest range, then the most severe.
function innermostFirst(a, b) {
  return a.end - a.start - (b.end - b.start) || SEVERITY[b.findings[0].severity] - SEVERITY[a.findings[0].severity];
}

function badge(category, marks) {
  const element = document.createElement("span");
  element.className = `badge cat-${category}`;
  element.setAttribute("aria-hidden", "true");
  element.textContent = marks[category]?.mark ?? "?";
  return element;
}

function pieceElement(text, covering, starting, marks) {
  const element = document.createElement("span");
  const [innermost] = covering;
  element.className = `mark cat-${innermost.findings[0].category}`;
  if (innermost.end - innermost.start > LONG_SPOT) element.classList.add("mark--long");
  if (starting.length) {
    const categories = [...new Set(starting.flatMap((spot) => spot.findings.map((f) => f.category)))];
    element.classList.add("mark--start");
    element.tabIndex = 0;
    element.setAttribute("role", "button");
    element.setAttribute("aria-label", `${categories.map((c) => marks[c]?.label ?? c).join(", ")}: ${text}`);
    for (const category of categories) element.append(badge(category, marks));
  }
  element.append(document.createTextNode(text));
  return element;
}

function blockElement(block) {
  const element = document.createElement("p");
  element.className = "letter__block";
  if (block.gap_before) element.classList.add("letter__block--gap");
  if (!block.wording) {
    element.classList.add("letter__block--aside");
    element.title = "Adres of gegevens: lettercheck leest dit niet als tekst van de brief.";
  }
  const part = PART_LABELS[block.part.split(":")[0]];
  if (part) {
    element.classList.add("letter__block--page");
    const label = document.createElement("span");
    label.className = "letter__part";
    label.textContent = part;
    element.append(label);
  }
  return element;
}

// Draws `letter` with `findings` (span findings only) into `article`; returns, per piece element, the spots
// over it (innermost first).
export function drawLetter(article, letter, findings, marks) {
  const spots = spotsOf(findings);
  const cuts = [...new Set(spots.flatMap((spot) => [spot.start, spot.end]))].sort((a, b) => a - b);
  const covers = new Map();
  const started = new Set();
  article.replaceChildren();
  for (const block of letter.blocks) {
    const element = blockElement(block);
    const points = [block.start, ...cuts.filter((cut) => cut > block.start && cut < block.end), block.end];
    for (let i = 0; i + 1 < points.length; i++) {
      const [low, high] = [points[i], points[i + 1]];
      const text = letter.text.slice(low, high);
      const covering = spots.filter((spot) => spot.start <= low && spot.end >= high).sort(innermostFirst);
      if (!covering.length) {
        element.append(document.createTextNode(text));
        continue;
      }
      const starting = covering.filter((spot) => !started.has(spot));
      starting.forEach((spot) => started.add(spot));
      const piece = pieceElement(text, covering, starting, marks);
      covers.set(piece, covering);
      element.append(piece);
    }
    article.append(element);
  }
  return covers;
}
