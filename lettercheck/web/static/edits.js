// Accepted rewrites, kept as edits in the text of the letter as first sent: the server applies them to the
// original file (Word runs and all) for every new check and download, so it needs to keep nothing.

function byPosition(a, b) {
  return a.start - b.start || a.end - b.end;
}

export function applyEdits(text, edits) {
  for (const edit of [...edits].sort(byPosition).reverse()) {
    text = text.slice(0, edit.start) + edit.replacement + text.slice(edit.end);
  }
  return text;
}

// Add one edit, in the current text, to `accepted` (edits in the original text that made the current one).
// Accepted edits that the new one overlaps or touches merge with it into one edit of the original.
function composeOne(accepted, edit, current) {
  let shift = 0;
  const placed = accepted.map((old) => {
    const start = old.start + shift;
    shift += old.replacement.length - (old.end - old.start);
    return { old, start, end: start + old.replacement.length, shiftAfter: shift };
  });
  const merged = placed.filter((p) => p.start <= edit.end && edit.start <= p.end);
  const shiftBefore = (position, inclusive) =>
    placed.filter((p) => !merged.includes(p) && (inclusive ? p.end <= position : p.end < position))
      .reduce((sum, p) => sum + p.old.replacement.length - (p.old.end - p.old.start), 0);
  const low = Math.min(edit.start, ...merged.map((p) => p.start));
  const high = Math.max(edit.end, ...merged.map((p) => p.end));
  const mergedShift = merged.reduce((sum, p) => sum + p.old.replacement.length - (p.old.end - p.old.start), 0);
  const start = edit.start > low ? merged[0].old.start : edit.start - shiftBefore(edit.start, false);
  const end = edit.end < high ? merged[merged.length - 1].old.end
    : edit.end - shiftBefore(edit.end, true) - mergedShift;
  const replacement = current.slice(low, edit.start) + edit.replacement + current.slice(edit.end, high);
  const kept = accepted.filter((old) => !merged.some((p) => p.old === old));
  return [...kept, { start, end, replacement }].sort(byPosition);
}

// The accepted edits after taking `fixEdits` (edits in `current`, the text the accepted ones made).
export function compose(accepted, fixEdits, current) {
  let edits = [...accepted].sort(byPosition);
  // From the last edit back, so that the positions of the ones before stay valid in the changing text.
  for (const edit of [...fixEdits].sort(byPosition).reverse()) {
    edits = composeOne(edits, edit, current);
    current = current.slice(0, edit.start) + edit.replacement + current.slice(edit.end);
  }
  return edits;
}
