"""The web app's API with Flask's test client, and `lettercheck serve` for real: answers, refusals, headers, privacy."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path

import docx
import pytest
import werkzeug.formparser
from conftest import SAMPLES, compound_file, docx_bytes

from lettercheck import __version__
from lettercheck.cli import main
from lettercheck.config import Config
from lettercheck.web import create_app

SLECHT = SAMPLES / "aanmaning-slecht.docx"
LETTER = (
    "Geachte heer Jansen,\n\n"
    "Indien u niet tijdig betaalt, zien wij ons genoodzaakt beslag te leggen op uw inkomen. "
    "U dient het bedrag van € 120,00 binnen 14 dagen na dagtekening te voldoen.\n\n"
    "Met vriendelijke groet,\n\nGemeente Voorbeeldstad"
)
DUTCH = re.compile(r"\b(de|het|een|is|niet|van|dit|deze|kan|geen|te)\b", re.I)


@pytest.fixture(scope="module")
def app():
    return create_app(Config())


@pytest.fixture()
def client(app):
    return app.test_client()


def upload(client, path: str, data: bytes, name: str, **fields):
    return client.post(path, data={"file": (io.BytesIO(data), name), **fields}, content_type="multipart/form-data")


def refused(response, status: int, code: str | None = None) -> dict:
    """A Dutch JSON error with ``status``: never a page, never a trace."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json
    error = response.get_json()["error"]
    assert set(error) == {"code", "message"}
    assert code is None or error["code"] == code
    assert DUTCH.search(error["message"]), error["message"]
    assert "Traceback" not in response.get_data(as_text=True)
    return error


# -- answers ----------------------------------------------------------------


def test_check_of_an_upload_is_the_cli_json_for_that_letter(client, checker):
    data = SLECHT.read_bytes()
    response = upload(client, "/api/check", data, SLECHT.name)
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"lettercheck", "model", "documents", "letter"}
    assert body["lettercheck"] == __version__
    assert body["documents"] == [checker.check_bytes(data, SLECHT.name).as_dict()]
    assert body["letter"]["format"] == "docx"


def test_check_of_pasted_text_gives_offsets_in_the_letter_text(client):
    body = client.post("/api/check", json={"text": LETTER}).get_json()
    text = body["letter"]["text"]
    findings = body["documents"][0]["findings"]
    assert {"jargon", "threat-pressure", "vague-deadline"} <= {f["rule"] for f in findings}
    assert all(text[f["start"]:f["end"]] == f["text"] for f in findings if f["scope"] == "span")
    blocks = body["letter"]["blocks"]
    assert [text[b["start"]:b["end"]] for b in blocks][0] == "Geachte heer Jansen,"
    assert len(blocks) == 4


def test_blocks_say_whether_their_words_are_read(client):
    letter = "Gemeente Voorbeeldstad\nPostbus 1234\n1230 AA Voorbeeldstad\n\nDatum: 3 maart 2027\n\n" + LETTER
    body = client.post("/api/check", json={"text": letter}).get_json()
    text, blocks = body["letter"]["text"], body["letter"]["blocks"]
    read = {text[b["start"]:b["end"]].split("\n")[0]: b["wording"] for b in blocks}
    assert read["Gemeente Voorbeeldstad"] is False and read["Datum: 3 maart 2027"] is False
    assert read["Geachte heer Jansen,"] is True


def test_check_with_edits_checks_the_letter_as_they_leave_it(client):
    first = client.post("/api/check", json={"text": LETTER}).get_json()
    jargon = next(f for f in first["documents"][0]["findings"] if f["text"] == "Indien")
    edits = [edit for fix in jargon["fixes"][:1] for edit in fix["edits"]]
    second = client.post("/api/check", json={"text": LETTER, "edits": edits}).get_json()
    assert second["letter"]["text"].startswith("Geachte heer Jansen,\nAls u niet tijdig")
    assert len(second["letter"]["blocks"]) == len(first["letter"]["blocks"])
    assert "Indien" not in {f["text"] for f in second["documents"][0]["findings"]}


def test_edits_to_a_word_letter_keep_it_a_word_letter(client):
    data = SLECHT.read_bytes()
    before = upload(client, "/api/check", data, SLECHT.name).get_json()
    text = before["letter"]["text"]
    start = text.index("Ingevolge")
    edits = json.dumps([{"start": start, "end": start + len("Ingevolge"), "replacement": "Volgens"}])
    after = upload(client, "/api/check", data, SLECHT.name, edits=edits).get_json()
    assert after["letter"]["format"] == "docx"
    assert after["letter"]["text"] == text[:start] + "Volgens" + text[start + len("Ingevolge"):]


def test_rewrite_returns_the_draft_and_the_check_of_the_draft(client):
    before = client.post("/api/check", json={"text": LETTER}).get_json()
    body = client.post("/api/rewrite", json={"text": LETTER}).get_json()
    draft = body["draft"]
    assert draft["applied"] and all(change["edits"] for change in draft["applied"])
    assert "Als u niet tijdig" in draft["text"]
    assert body["letter"]["text"] == draft["text"]
    assert len(body["documents"][0]["findings"]) < len(before["documents"][0]["findings"])


def test_rewrite_of_a_word_letter_with_proposed_fixes(client):
    response = upload(client, "/api/rewrite", SLECHT.read_bytes(), SLECHT.name, include_proposed="true")
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert body["letter"]["format"] == "docx"
    assert body["draft"]["added"], "the missing contact and help blocks are added"


def test_annotate_returns_the_letter_with_a_comment_per_finding(client, checker):
    data = SLECHT.read_bytes()
    response = upload(client, "/api/annotate", data, SLECHT.name)
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert "aanmaning-slecht-opmerkingen.docx" in response.headers["Content-Disposition"]
    comments = docx.Document(io.BytesIO(response.data)).comments
    assert len(comments) == len(checker.check_bytes(data, SLECHT.name).findings) + 1


def test_annotate_makes_a_word_file_of_pasted_text(client):
    response = client.post("/api/annotate", json={"text": LETTER})
    assert response.status_code == 200
    assert "geplakte-tekst-opmerkingen.docx" in response.headers["Content-Disposition"]
    assert len(docx.Document(io.BytesIO(response.data)).comments) > 3


def test_draft_download_applies_the_edits_to_the_file_as_sent(client):
    data = SLECHT.read_bytes()
    text = upload(client, "/api/check", data, SLECHT.name).get_json()["letter"]["text"]
    start = text.index("aangezien")
    edits = json.dumps([{"start": start, "end": start + len("aangezien"), "replacement": "omdat"}])
    response = upload(client, "/api/draft", data, SLECHT.name, edits=edits, tracked="true")
    assert response.status_code == 200
    assert "aanmaning-slecht-herschreven.docx" in response.headers["Content-Disposition"]
    body = zipfile.ZipFile(io.BytesIO(response.data)).read("word/document.xml").decode()
    assert "<w:ins " in body and "<w:del " in body and ">omdat<" in body


def test_draft_download_of_a_text_letter_is_text(client):
    text = client.post("/api/check", json={"text": LETTER}).get_json()["letter"]["text"]
    start = text.index("Indien")
    edits = [{"start": start, "end": start + len("Indien"), "replacement": "Als"}]
    response = client.post("/api/draft", json={"text": LETTER, "edits": edits})
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert response.get_data(as_text=True) == LETTER.replace("Indien", "Als")


def test_rules_lists_every_rule_with_its_dutch_texts(client):
    body = client.get("/api/rules").get_json()
    assert {c["id"] for c in body["categories"]} >= {"jargon", "threat", "guidance"}
    rules = {rule["id"]: rule for rule in body["rules"]}
    assert {"missing-action", "missing-contact", "missing-help", "vague-deadline", "key-message-late"} <= set(rules)
    assert all(rule["active"] and rule["message"] and rule["why"] for rule in rules.values())


def test_disabled_rules_are_reported_inactive():
    client = create_app(Config(disable=["missing-help"])).test_client()
    rules = {rule["id"]: rule for rule in client.get("/api/rules").get_json()["rules"]}
    assert not rules["missing-help"]["active"] and rules["missing-contact"]["active"]
    page = client.get("/").get_data(as_text=True)
    assert re.search(r'data-rule="missing-help"\s+data-inactive', page)


def test_every_category_has_its_own_letter():
    from lettercheck.web.pages import category_marks

    marks = category_marks()
    assert len(set(marks.values())) == len(marks), "highlights tell categories apart by letter, not by colour alone"


def test_healthz(client):
    assert client.get("/healthz").get_json() == {"status": "ok", "lettercheck": __version__}


def test_openapi_describes_exactly_the_routes_of_the_app(client, app):
    spec = client.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    routes = {(rule.rule, method.lower()) for rule in app.url_map.iter_rules()
              for method in rule.methods - {"HEAD", "OPTIONS"} if rule.endpoint != "static"
              and rule.rule != "/"}
    described = {(path, method) for path, operations in spec["paths"].items() for method in operations}
    assert described == routes


def test_page_is_dutch_and_loads_only_local_assets(client):
    response = client.get("/", headers={"Accept": "text/html"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and '<html lang="nl">' in page
    assert "<style" not in page and " style=" not in page and "<script>" not in page
    for url in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert url.startswith(("/", "#")), url
        if url.startswith("/static/"):
            assert client.get(url).status_code == 200, url


# -- refusals ---------------------------------------------------------------


@pytest.mark.parametrize(("data", "name", "status", "code"), [
    (b"%PDF-1.7 fake", "brief.pdf", 415, "unsupported"),
    (b"%PDF-1.7 fake", "brief.docx", 415, "unsupported"),
    (compound_file("WordDocument"), "brief.doc", 415, "legacy-doc"),
    (compound_file("EncryptedPackage"), "brief.docx", 415, "password"),
    (b"PK\x03\x04 this is no zip", "brief.docx", 422, "corrupt"),
    (b"just some words", "brief.docx", 422, "corrupt"),
    (bytes(range(256)) * 8, "brief.txt", 422, "binary"),
    (b"   \n\n  ", "brief.txt", 422, "empty"),
    (b"", "brief.txt", 422, "empty"),
    (b"hallo", "plaatje.png", 415, "unsupported"),
], ids=["pdf", "pdf-named-docx", "doc", "encrypted", "corrupt-zip", "not-a-zip", "binary", "blank", "empty", "png"])
def test_bad_uploads_are_refused_in_dutch(client, data, name, status, code):
    refused(upload(client, "/api/check", data, name), status, code)


def test_a_zip_without_a_word_document_is_refused(client):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
    refused(upload(client, "/api/annotate", out.getvalue(), "brief.docx"), 415, "unsupported")


@pytest.mark.parametrize("path", ["/api/check", "/api/rewrite", "/api/annotate", "/api/draft"])
def test_every_letter_endpoint_refuses_a_missing_letter(client, path):
    refused(client.post(path, data={"other": "x"}, content_type="multipart/form-data"), 400, "missing-file")
    refused(client.post(path, json={"tekst": LETTER}), 400, "missing-text")
    refused(client.post(path, data="{not json", content_type="application/json"), 400, "invalid-json")
    refused(client.post(path, json=["a", "list"]), 400, "invalid-json")
    refused(client.post(path, data=LETTER, content_type="text/plain"), 415, "unsupported-request")
    refused(client.post(path), 415, "unsupported-request")


def test_an_empty_file_field_is_a_missing_file(client):
    response = client.post("/api/check", data={"file": (io.BytesIO(b""), "")}, content_type="multipart/form-data")
    refused(response, 400, "missing-file")


@pytest.mark.parametrize("edits", [
    "not json", {"start": 0}, [{"start": 0, "end": 1}], [{"start": "0", "end": 1, "replacement": ""}],
    [{"start": True, "end": 1, "replacement": ""}], [{"start": 5, "end": 2, "replacement": ""}],
    [{"start": 0, "end": 10, "replacement": ""}, {"start": 5, "end": 12, "replacement": ""}],
    [{"start": 0, "end": 100_000, "replacement": ""}], [{"start": -1, "end": 0, "replacement": ""}],
], ids=["text", "object", "no-replacement", "string-offset", "bool-offset", "backwards", "overlap", "outside",
        "negative"])
def test_bad_edits_are_refused(client, edits):
    if isinstance(edits, str):
        refused(upload(client, "/api/check", LETTER.encode(), "brief.txt", edits=edits), 400, "invalid-edits")
    else:
        refused(client.post("/api/check", json={"text": LETTER, "edits": edits}), 400, "invalid-edits")


def test_an_edit_over_two_word_paragraphs_is_refused(client):
    data = SLECHT.read_bytes()
    text = upload(client, "/api/check", data, SLECHT.name).get_json()["letter"]["text"]
    start = text.index("Hoogachtend")
    edits = json.dumps([{"start": start, "end": start + 20, "replacement": "Groet"}])
    refused(upload(client, "/api/draft", data, SLECHT.name, edits=edits), 400, "invalid-edits")


def test_too_large_is_413_in_dutch_from_the_same_setting_as_the_cli():
    client = create_app(Config(max_file_mb=0.01)).test_client()
    over_the_reader = b"Een brief. " * 1500  # 16 KB: inside the request limit, over the letter limit
    refused(upload(client, "/api/check", over_the_reader, "brief.txt"), 413, "too-large")
    over_the_request = b"x" * (200 * 1024)
    error = refused(upload(client, "/api/check", over_the_request, "brief.txt"), 413, "too-large")
    assert "0,01 MB" in error["message"]
    refused(client.post("/api/check", json={"text": "woord " * 40_000}), 413, "too-large")


def test_wrong_methods_and_paths(client):
    error = refused(client.get("/api/check"), 405, "method-not-allowed")
    assert "POST" in error["message"]
    assert client.get("/api/check").headers["Allow"] == "OPTIONS, POST"
    refused(client.post("/healthz"), 405)
    refused(client.delete("/api/rules"), 405)
    refused(client.get("/api/unknown"), 404, "not-found")


def test_people_get_dutch_error_pages(client):
    response = client.get("/bestaat-niet", headers={"Accept": "text/html"})
    page = response.get_data(as_text=True)
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "Deze pagina bestaat niet." in page and '<html lang="nl">' in page


def test_an_internal_error_is_a_dutch_500_that_logs_no_letter_text(app, monkeypatch, caplog):
    service = app.extensions["lettercheck"]

    def broken(letter):
        raise RuntimeError(f"cannot handle {letter.text}")

    monkeypatch.setattr(service, "analyse", broken)
    with caplog.at_level(logging.DEBUG):
        response = app.test_client().post("/api/check", json={"text": "BSN 123456782 van Jansen"})
    error = refused(response, 500, "internal")
    assert "beheerder" in error["message"]
    assert "RuntimeError" in caplog.text
    assert "123456782" not in caplog.text and "123456782" not in response.get_data(as_text=True)


# -- safety -----------------------------------------------------------------


def test_security_headers_on_every_kind_of_response(client):
    responses = [
        client.get("/", headers={"Accept": "text/html"}),
        client.get("/static/app.js"),
        client.post("/api/check", json={"text": LETTER}),
        client.get("/api/unknown"),
        client.post("/api/check", data="x", content_type="text/plain"),
    ]
    for response in responses:
        policy = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
    assert responses[2].headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(("headers", "status"), [
    ({"Sec-Fetch-Site": "cross-site"}, 403),
    ({"Sec-Fetch-Site": "same-site"}, 403),
    ({"Origin": "https://elders.example"}, 403),
    ({"Origin": "null"}, 403),
    ({"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"}, 200),
    ({"Origin": "http://localhost"}, 200),
    ({}, 200),
], ids=["cross-site", "same-site", "other-origin", "null-origin", "same-origin", "own-origin", "no-browser"])
def test_posts_from_other_sites_are_refused(client, headers, status):
    response = client.post("/api/check", json={"text": LETTER}, headers=headers)
    if status == 403:
        refused(response, 403, "cross-site")
    else:
        assert response.status_code == 200


def test_other_sites_may_still_read_the_page_and_rules(client):
    assert client.get("/api/rules", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 200


def test_uploads_never_touch_the_disk(client, monkeypatch):
    def no_disk(*args, **kwargs):
        raise AssertionError("an upload was written to a temporary file")

    for name in ("TemporaryFile", "NamedTemporaryFile", "SpooledTemporaryFile", "mkstemp"):
        monkeypatch.setattr(tempfile, name, no_disk)
    for name in ("TemporaryFile", "SpooledTemporaryFile"):  # Werkzeug's multipart parser holds its own names
        monkeypatch.setattr(werkzeug.formparser, name, no_disk, raising=False)
    big = docx_bytes(["Geachte mevrouw,", "Wij helpen u graag."]) + b"\0" * 700_000  # Werkzeug spools > 500 KB
    response = upload(client, "/api/check", big, "brief.docx")
    assert response.status_code in (200, 422), response.get_data(as_text=True)


def test_letter_text_is_not_logged(client, caplog):
    with caplog.at_level(logging.DEBUG):
        client.post("/api/check", json={"text": "Geachte heer Pietersen, uw BSN 123456782 staat genoteerd."})
        upload(client, "/api/check", b"PK\x03\x04 Pietersen 123456782", "Pietersen.docx")
    assert "123456782" not in caplog.text and "Pietersen" not in caplog.text


# -- lettercheck serve --------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def served_app(workers: int = 1, timeout: float = 60):
    """`lettercheck serve` on a free port of 127.0.0.1, until the block ends; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "lettercheck", "serve", "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            assert process.poll() is None, process.stderr.read()
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            assert time.monotonic() < deadline, "lettercheck serve did not come up"
            time.sleep(0.2)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()


def test_serve_runs_the_app_on_gunicorn_with_its_workers():
    with served_app(workers=2) as url:
        request = urllib.request.Request(f"{url}/api/check", data=json.dumps({"text": LETTER}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            body = json.load(response)
            assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
        assert body["documents"][0]["findings"]
        port = url.rsplit(":", 1)[1]
        workers = subprocess.run(["pgrep", "-f", "--", f"serve --port {port}"], capture_output=True, text=True)
        assert len(workers.stdout.split()) == 3, "a master and two workers"


@pytest.mark.parametrize(("argv", "message"), [
    (["serve", "--port", "0"], "moet 1 of meer zijn"),
    (["serve", "--port", "70000"], "hoogstens 65535"),
    (["serve", "--workers", "nul"], "geen geheel getal"),
])
def test_serve_refuses_bad_options_in_dutch(argv, message, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


def test_serve_says_in_dutch_when_the_port_is_taken(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    assert "de poort is al in gebruik" in capsys.readouterr().err


def test_serve_says_in_dutch_when_the_host_is_unknown(capsys):
    assert main(["serve", "--host", "bestaat-niet.invalid", "--port", str(free_port())]) == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_web_files_ship_as_package_data():
    import lettercheck.web

    root = Path(lettercheck.web.__file__).parent
    shipped = {path.name for path in root.glob("static/*")}
    assert {"app.js", "api.js", "cards.js", "edits.js", "letter.js", "app.css"} <= shipped
    assert (root / "openapi.json").is_file() and (root / "templates" / "index.html").is_file()
    pyproject = (Path(__file__).parent.parent / "pyproject.toml").read_text()
    for package in ("lettercheck.web", "lettercheck.web.static", "lettercheck.web.templates"):
        assert f'"{package}"' in pyproject
