"""Template placeholders: found, kept intact, and hidden from the language checks.

Letter templates in the wild mark the places a system fills in with ``{{ naam }}``,
``{% if %}``, ``${kenmerk}``, ``{naam}``, ``«Naam»``, ``<<adres>>``, ``[datum]``,
``%NAAM%``, Blade (``{!! $x !!}``, ``@if (...)``), Latte and Smarty (``{$o->date|date}``,
``{if ...}``, ``{/if}``), PHP (``<?php echo $x; ?>``, ``<?php endforeach; ?>``, and a value
concatenated into a PHP string: ``"Beste ".$naam.","``), Laravel's ``:name``, HTML comments,
JavaScript template literals (nested ones too: the text inside a nested literal stays wording), capital blanks
(``NAAM``, ``DATUM ONDERTEKENING``), dotted blanks (``..........``) or Word MERGEFIELDs
(handled by the .docx reader). They are not words of the letter: never flagged, not counted
as rare words, and parsed as a name.
"""

from __future__ import annotations

import re

FIELD_WORDS = (
    "NAAM|VOORNAAM|ACHTERNAAM|VOORLETTERS|ADRES|STRAAT|STRAATNAAM|HUISNUMMER|POSTCODE|WOONPLAATS|PLAATS|DATUM"
    "|ONDERTEKENING|HANDTEKENING|BEDRAG|KENMERK|DOSSIERNUMMER|KLANTNUMMER|TELEFOONNUMMER|E-MAILADRES|GEBOORTEDATUM"
    "|REKENINGNUMMER|FACTUURNUMMER|AANHEF|ONTVANGER|AFZENDER|FUNCTIE|AFDELING|TERMIJN|VERVALDATUM"
)
"""Words a model letter writes in capitals where something must be filled in."""
PHP_ARGS = r"\((?:[^()\n]|\([^()\n]*\))*\)"
PHP_ATOM = rf"(?:\$\w+|[A-Z_][A-Z0-9_]+\b|\\?[a-z_]\w*{PHP_ARGS})(?:->\w+|::\w+|\[[^\[\]\n]{{1,40}}\]|{PHP_ARGS})*"
"""A PHP value: a variable, a CONSTANT or a call, with its properties, keys and calls ('$o->date()['d']').
Mixed-case words are left out, so wording after a quote and a full stop ('"ja".Dan') is no PHP."""
PHP_CONCAT = (rf"(?P<php_quote>[\"'])\.[ \t]*{PHP_ATOM}(?:[ \t]*\.[ \t]*{PHP_ATOM})*"
              r"(?:[ \t]*\.(?P=php_quote)|(?=[ \t]*(?:\n|$)))")
"""A value concatenated into a PHP string: '".$naam."', or '".AFSLUITING' where the string ends the line."""
PLACEHOLDER = re.compile(
    rf"""
      \{{\{{.{{1,200}}?\}}\}}                # {{{{ naam }}}}, {{{{a & " " & b}}}}
    | \{{%.{{1,120}}?%\}}                  # {{% if partner %}}
    | \{{!!.{{1,120}}?!!\}}                # Blade: {{!! $advies !!}}
    | \{{\$[^{{}}\n]{{1,160}}\}}            # Latte, Smarty: {{$o->datum|date:"d-m-Y"}}
    | \{{/?(?:if|else|elseif|foreach|for|while|block|define|include|import|layout|var|default|capture|switch|case)
      \b[^{{}}\n]{{0,160}}\}}               # Latte, Smarty: {{if $x}}, {{/if}}
    | (?<![\w.@])@(?:if|elseif|else|endif|foreach|endforeach|for|endfor|isset|endisset|unless|endunless|empty
      |endempty|php|endphp|include|section|endsection|yield|extends)\b
      (?:[ \t]*\((?:[^()\n]|\([^()\n]*\))*\))?   # Blade: @if ($x), @endif
    | <\?(?:php\b|=).{{0,400}}?\?>        # PHP: <?php echo $x; ?>, <?php foreach ($a as $b) : ?>, <?= $x ?>
    | {PHP_CONCAT}                       # PHP: "Beste ".$naam.","
    | (?<!\$)\{{[A-Za-z_][\w .-]{{0,40}}\}}   # {{naam}}
    | (?<!\$)\{{[A-Za-z_][\w.]*(?::|\(\))[^{{}}\n]{{0,80}}\}}   # {{cfg:site_name}}, {{if:x>1}}, {{a.first().path}}
    | «[^«»\n]{{1,60}}»                  # «Naam»
    | <<[^<>\n]{{1,60}}>>                # <<adres>>
    | <!--[^\n]{{0,200}}?-->             # <!--date_format(deadline)-->
    | (?<![^\n])[ \t]*%[ \t]*(?:if|elif|else|endif|for|endfor|set|macro|endmacro|call|endcall|block|endblock)
      \b[^\n]{{0,200}}                    # Jinja line statements: '% if payins', '% endfor'
    | \[[^\[\]\n]*[A-Za-z][^\[\]\n]{{0,40}}\]   # [datum]
    | %[A-Za-z_][\w .-]{{0,40}}%         # %NAAM%
    | (?<![\w:/]):[a-z_][a-z0-9_]{{1,40}}\b   # Laravel: :name
    | \b(?:{FIELD_WORDS})(?:[ _/-](?:{FIELD_WORDS}))*\b(?![a-z])   # NAAM, DATUM ONDERTEKENING
    | \.(?:[ \t]?\.){{3,}}|…{{2,}}|_{{3,}}   # ..........  ____
    """,
    re.VERBOSE,
)
MAX_EXPRESSION = 400
"""A JavaScript ${...} longer than this is not a placeholder (an unclosed one would swallow the letter)."""
DATE_NAME = re.compile(r"dat(um|e)|deadline|termijn|expir|einde|uiterlijk|dag|due|time|[._]at\b|DATUM", re.I)
CONTACT_NAME = re.compile(r"telefoon|phone|\btel\b|mail|contact|loket", re.I)
OWNER = re.compile(r"\b\w+(?:\.|->)(?=\w)")
"""The object before a property ('mail.' in 'mail.subject', 'content->' in 'content->contactEmail')."""
BLANK = re.compile(r"^[.…_ \t]+$")
"""A dotted blank: in a model letter, where the sender writes a date by hand."""


def find_placeholders(text: str) -> list[tuple[int, int]]:
    """Character ranges of the placeholders in ``text``, in order and not overlapping."""
    spans = sorted([match.span() for match in PLACEHOLDER.finditer(text)] + template_literal_spans(text))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def template_literal_spans(text: str) -> list[tuple[int, int]]:
    """The expression parts of JavaScript ``${...}``; text in a literal nested inside one stays wording."""
    spans: list[tuple[int, int]] = []
    position = text.find("${")
    while position != -1:
        found: list[tuple[int, int]] = []
        end = _expression(text, position, found)
        if end is None:
            position = text.find("${", position + 2)
            continue
        spans.extend(found)
        position = text.find("${", end)
    return spans


def _expression(text: str, start: int, spans: list[tuple[int, int]]) -> int | None:
    """Scan ``${`` at ``start`` to its closing brace; the index after it, or None when it does not close."""
    piece, depth, i = start, 1, start + 2
    while i < len(text) and i - start < MAX_EXPRESSION:
        char = text[i]
        if char == "`":  # the backticks stay, so the literal's text is not glued to the masked expression
            spans.append((piece, i))
            i = _literal(text, i + 1, spans, start)
            if i is None:
                return None
            piece = i + 1
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                spans.append((piece, i + 1))
                return i + 1
        i += 1
    return None


def _literal(text: str, i: int, spans: list[tuple[int, int]], start: int) -> int | None:
    """Scan a nested template literal from ``i``; the index of its closing backtick."""
    while i < len(text) and i - start < MAX_EXPRESSION:
        if text[i] == "`":
            return i
        if text.startswith("${", i):
            i = _expression(text, i, spans)
            if i is None:
                return None
            continue
        i += 1
    return None


def is_date_placeholder(text: str) -> bool:
    """A placeholder that stands for a date: its name says so, or it is a blank where a date goes."""
    return bool(DATE_NAME.search(text)) or bool(BLANK.match(text))


def is_contact_placeholder(text: str) -> bool:
    """A placeholder that stands for a phone number, an e-mail address or a contact page; by the property it
    reads, not the object: '{{ contact.phone }}' is contact, '#{mail.subject}' is not."""
    return bool(CONTACT_NAME.search(OWNER.sub("", text)))


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each placeholder by a name-like word of the same length.

    Keeping the length keeps every character offset valid, and a capitalised
    word without spaces is parsed as one proper noun, which is what a filled-in
    name, date or amount behaves like in a sentence.
    """
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = "X" + "x" * (end - start - 1)
    return "".join(chars)
