// Requests to the API. The letter goes along every time (the server keeps nothing): the uploaded File as the
// multipart field `file`, or pasted text as JSON, each with the accepted edits.

export class ApiFailure extends Error {}

function body(source, edits, flags) {
  if (source.file) {
    const form = new FormData();
    form.append("file", source.file, source.file.name);
    form.append("edits", JSON.stringify(edits));
    for (const flag of flags) form.append(flag, "true");
    return { body: form };
  }
  const json = { text: source.text, edits };
  for (const flag of flags) json[flag] = true;
  return { body: JSON.stringify(json), headers: { "Content-Type": "application/json" } };
}

async function post(path, source, edits, flags = []) {
  let response;
  try {
    response = await fetch(path, { method: "POST", ...body(source, edits, flags) });
  } catch {
    throw new ApiFailure("lettercheck is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.");
  }
  if (!response.ok) {
    const answer = await response.json().catch(() => null);
    throw new ApiFailure(answer?.error?.message ?? `Dat lukte niet (fout ${response.status}).`);
  }
  return response;
}

export async function check(source, edits) {
  return (await post("/api/check", source, edits)).json();
}

export async function rewrite(source, edits) {
  return (await post("/api/rewrite", source, edits)).json();
}

// A file the server made, with the name it gave it (Content-Disposition).
export async function download(path, source, edits, flags = []) {
  const response = await post(path, source, edits, flags);
  const header = response.headers.get("Content-Disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  const name = encoded ? decodeURIComponent(encoded[1]) : plain ? plain[1] : "brief";
  return { blob: await response.blob(), name };
}

export async function rules() {
  const response = await fetch("/api/rules");
  return response.ok ? response.json() : { categories: [], rules: [] };
}
