"""The ``lettercheck`` command.

Exit codes of ``lettercheck check``: 0 nothing at or above ``--fail-on`` (and
no letter above ``--max-level``), 1 the bar was not met, 2 a usage or input
error (a file that cannot be read, a bad setting). ``lettercheck audit`` exits 0
when its files are written, unreadable letters included (they are listed).

Only ``check`` and ``annotate`` load the language pipeline; ``--version``,
``--help``, ``rules`` and the output formats never import spaCy.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import logging
import os
import sys
import time
from pathlib import Path

from . import __version__
from .dutch_argparse import dutch
from .errors import LetterError, display_path, safe_text
from .formats import FORMATS
from .model import CEFR, SEVERITIES, Report, severity_rank

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 141
DEFAULT_WORKERS = min(4, os.cpu_count() or 1)
log = logging.getLogger("lettercheck")


class DutchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: fout in de opdracht: {message}\n")


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is geen geheel getal") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"moet 1 of meer zijn, niet {number}")
    return number


def selectors(value: str) -> list[str]:
    """Comma-separated rule ids or categories, checked against the catalogue as the settings are."""
    from .catalogue import load_categories, load_rules

    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in load_rules() and name not in load_categories()]
    if unknown or not names:
        listed = ", ".join(f"'{name}'" for name in unknown) or "geen"
        raise argparse.ArgumentTypeError(f"onbekende regel of categorie {listed} (bekijk ze met: lettercheck rules)")
    return names


def pattern(value: str) -> str:
    from .config import VALIDATORS

    problem = VALIDATORS["include"]([value])
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return value


def port_number(value: str) -> int:
    number = positive_int(value)
    if number > 65535:
        raise argparse.ArgumentTypeError(f"een poort is hoogstens 65535, niet {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    letters = _letter_options()
    parser = DutchArgumentParser(
        prog="lettercheck",
        description="Controleer Nederlandse brieven op begrijpelijke, stress-sensitieve taal.",
    )
    parser.add_argument("--version", action="version", version=f"lettercheck {__version__}",
                        help="toon het versienummer en stop")
    _add_verbosity(parser, default=False)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=DutchArgumentParser,
                                     title="opdrachten", metavar="OPDRACHT")

    check = commands.add_parser("check", parents=[common, letters],
                                help="controleer brieven (.docx, .dotx of .txt, of mappen daarmee)")
    check.add_argument("paths", nargs="+", metavar="PAD",
                       help="bestanden of mappen; - leest één brief van standaardinvoer")
    check.add_argument("--stdin-filename", metavar="NAAM",
                       help="naam van de brief op standaardinvoer, in het rapport en voor de soort (brief.docx)")
    check.add_argument("--format", choices=tuple(FORMATS), default="text",
                       help="uitvoer: " + "; ".join(f"{name}: {text}" for name, text in FORMATS.items()))
    check.add_argument("--output", "-o", type=Path, metavar="BESTAND", help="schrijf het rapport naar dit bestand")
    check.add_argument("--fail-on", choices=SEVERITIES, help="exitcode 1 vanaf deze ernst (standaard: error)")
    check.add_argument("--min-severity", choices=SEVERITIES,
                       help="toon alleen bevindingen vanaf deze ernst (de exitcode telt ze alle)")
    check.add_argument("--max-level", choices=CEFR, help="exitcode 1 als het geschatte taalniveau hoger is")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="kleuren in de uitvoer")

    audit = commands.add_parser("audit", parents=[common, letters],
                                help="controleer veel brieven en schrijf een overzicht (HTML, CSV, Excel, JSON)")
    audit.add_argument("paths", nargs="+", metavar="PAD", help="bestanden of mappen")
    audit.add_argument("--out", type=Path, default=Path("lettercheck-audit"), metavar="MAP",
                       help="map voor de rapporten (standaard: lettercheck-audit)")
    audit.add_argument("--max-level", choices=CEFR, help="het doelniveau in het overzicht (standaard: B1)")

    annotate = commands.add_parser("annotate", parents=[common],
                                   help="zet de bevindingen als opmerkingen in een Word-kopie van de brief")
    annotate.add_argument("letter", type=Path, metavar="BRIEF", help="de brief (.docx of .txt)")
    annotate.add_argument("--output", "-o", type=Path, metavar="BESTAND",
                          help="het Word-bestand met opmerkingen (standaard: <naam>.lettercheck.docx naast de brief)")
    annotate.add_argument("--config", type=Path, metavar="BESTAND",
                          help="instellingenbestand (standaard: lettercheck.toml of pyproject.toml)")

    rewrite = commands.add_parser("rewrite", parents=[common], help="schrijf een verbeterde versie van de brief")
    rewrite.add_argument("letter", type=Path, metavar="BRIEF", help="de brief (.docx of .txt)")
    rewrite.add_argument("--output", "-o", type=Path, metavar="BESTAND",
                         help="de herschreven brief (standaard: <naam>.herschreven.docx of .txt naast de brief)")
    rewrite.add_argument("--all", action="store_true",
                         help="ook de voorstellen toepassen, niet alleen de veilige vervangingen")
    rewrite.add_argument("--diff", action="store_true", help="toon de wijzigingen als diff")
    rewrite.add_argument("--tracked", action="store_true",
                         help="in Word als bijgehouden wijzigingen, zodat Word laat zien wat er veranderde")
    rewrite.add_argument("--config", type=Path, metavar="BESTAND",
                         help="instellingenbestand (standaard: lettercheck.toml of pyproject.toml)")

    rules = commands.add_parser("rules", parents=[common],
                                help="toon de regels, of de uitleg van één regel of categorie")
    rules.add_argument("rule", nargs="?", metavar="REGEL", help="een regel-id of categorie")
    rules.add_argument("--markdown", action="store_true", help="als Markdown-documentatie (docs/rules.md)")

    commands.add_parser("model", parents=[common], help="toon welk taalmodel wordt gebruikt en hoe goed het is")

    serve = commands.add_parser("serve", parents=[common], help="start de webapp voor communicatiemedewerkers")
    serve.add_argument("--host", metavar="ADRES", default="127.0.0.1",
                       help="adres om op te luisteren (standaard: 127.0.0.1)")
    serve.add_argument("--port", type=port_number, metavar="POORT", default=8000, help="poort (standaard: 8000)")
    serve.add_argument("--workers", type=positive_int, metavar="AANTAL", default=DEFAULT_WORKERS,
                       help=f"aantal processen dat brieven controleert (standaard: {DEFAULT_WORKERS})")
    serve.add_argument("--config", type=Path, metavar="BESTAND",
                       help="instellingenbestand (standaard: lettercheck.toml of pyproject.toml)")
    return parser


def _add_verbosity(parser: argparse.ArgumentParser, default) -> None:
    """-v/-q: on the main parser with a default, on each command without one, so that either place works."""
    parser.add_argument("-v", "--verbose", action="store_true", default=default,
                        help="meer meldingen (in het Engels) op stderr")
    parser.add_argument("-q", "--quiet", action="store_true", default=default,
                        help="alleen fouten op stderr, geen voortgang")


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    _add_verbosity(common, default=argparse.SUPPRESS)
    return common


def _letter_options() -> argparse.ArgumentParser:
    """What check and audit share: settings, which rules, which files, how many processes."""
    letters = argparse.ArgumentParser(add_help=False)
    letters.add_argument("--config", type=Path, metavar="BESTAND",
                         help="instellingenbestand (standaard: lettercheck.toml of pyproject.toml)")
    letters.add_argument("--select", type=selectors, action="extend", default=[], metavar="REGELS",
                         help="alleen deze regels of categorieën, met komma's ertussen (zie: lettercheck rules)")
    letters.add_argument("--ignore", type=selectors, action="extend", default=[], metavar="REGELS",
                         help="deze regels of categorieën niet")
    letters.add_argument("--include", type=pattern, action="append", default=[], metavar="PATROON",
                         help="in mappen alleen bestanden die hierop passen (gitignore-patroon; standaard: "
                              "*.docx, *.dotx, *.txt)")
    letters.add_argument("--exclude", type=pattern, action="append", default=[], metavar="PATROON",
                         help="in mappen bestanden of mappen die hierop passen overslaan (gitignore-patroon)")
    letters.add_argument("--jobs", "-j", type=positive_int, default=1, metavar="AANTAL",
                         help="aantal processen (standaard: 1)")
    return letters


def main(argv: list[str] | None = None) -> int:
    with dutch():
        parser = build_parser()
        args = parser.parse_args(argv)
        if "-" in getattr(args, "paths", ()) and (args.command != "check" or len(args.paths) > 1):
            parser.error("lees één brief van standaardinvoer (-) met 'check', zonder andere paden")
    level = logging.INFO if args.verbose else logging.ERROR if args.quiet else logging.WARNING
    logging.basicConfig(level=level, format="lettercheck: %(levelname)s: %(message)s")
    try:
        return COMMANDS[args.command](args)
    except LetterError as error:
        log.info("stopped: %s", error.detail)
        print(f"lettercheck: {safe_text(error.message)}", file=sys.stderr)  # messages may hold file names
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def run_check(args: argparse.Namespace) -> int:
    from .formats import Run, get_format
    from .nlp import model_source
    from .parallel import check_paths
    from .verdict import fails

    config = _settings(args)
    if args.paths == ["-"]:
        reports = _stdin_reports(args, config)
    else:
        reports = check_paths(_selected(args, config), config, args.jobs)
    folder_run = len(args.paths) > 1 or any(os.path.isdir(path) for path in args.paths)
    run = Run(__version__, model_source(), config.fail_on, config.max_level, config.target_level,
              colour=args.output is None and _use_colour(args.color), totals=folder_run)
    outcome = {"error": False, "fails": False, "letters": 0}
    start = time.perf_counter()

    def shown():
        for report in reports:
            outcome["letters"] += 1
            outcome["error"] |= report.error is not None
            outcome["fails"] |= fails(report, config.fail_on, config.max_level)
            yield _at_least(report, args.min_severity)

    with _output(args.output) as out:
        get_format(args.format).write(shown(), out, run)
    log.info("%d letters checked in %.1f s", outcome["letters"], time.perf_counter() - start)
    if outcome["error"]:
        return EXIT_ERROR
    return EXIT_FINDINGS if outcome["fails"] else EXIT_CLEAN


def run_audit(args: argparse.Namespace) -> int:
    from .audit import FILES, write_audit
    from .catalogue import load_rules
    from .formats import Run
    from .nlp import model_source
    from .parallel import check_paths

    config = _settings(args)
    paths = _selected(args, config)
    run = Run(__version__, model_source(), config.fail_on, config.max_level, config.target_level)
    checked = {rule_id for rule_id, rule in load_rules().items() if config.selects(rule)}
    with _progress(check_paths(paths, config, args.jobs), len(paths), args.quiet) as reports:
        totals = write_audit(reports, args.out, run, checked)
    if not args.quiet:
        print(f"{totals.line()}\nAudit geschreven naar {display_path(args.out)}: {', '.join(FILES)}", file=sys.stderr)
    return EXIT_CLEAN


def _settings(args: argparse.Namespace):
    """The settings, with the command line's rule selection and file patterns."""
    from .config import find_config, load_config

    config = load_config(args.config, fail_on=getattr(args, "fail_on", None), max_level=args.max_level)
    log.info("settings: %s", display_path(args.config or find_config(Path.cwd()) or "defaults"))
    config.select = args.select or config.select
    config.disable = [*config.disable, *args.ignore]
    config.include = [*config.include, *args.include]
    config.exclude = [*config.exclude, *args.exclude]
    return config


def _selected(args: argparse.Namespace, config) -> list[Path]:
    from .selection import letter_paths

    paths = letter_paths(args.paths, config.include, config.exclude)
    if not paths:
        raise LetterError("no-letters", "Geen brieven gevonden (.docx, .dotx of .txt) op de opgegeven plek.",
                          "no input files")
    log.info("%d letters selected", len(paths))
    return paths


def _stdin_reports(args: argparse.Namespace, config) -> list[Report]:
    from .engine import Checker

    data = sys.stdin.buffer.read(config.max_bytes + 1) if sys.stdin is not None else b""
    return [Checker(config).check_bytes(data, args.stdin_filename or "-")]


def _at_least(report: Report, severity: str | None) -> Report:
    """The report as shown with --min-severity: its findings of that severity or higher."""
    if severity is None or report.error is not None:
        return report
    rank = severity_rank(severity)
    return dataclasses.replace(report, findings=[f for f in report.findings if severity_rank(f.severity) >= rank])


@contextlib.contextmanager
def _progress(reports, total: int, quiet: bool):
    """A progress bar on stderr, only when stderr is a terminal; log lines are printed above it."""
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    with tqdm(reports, total=total, desc="Controleren", unit=" brieven", file=sys.stderr, leave=False,
              disable=quiet or not sys.stderr.isatty()) as bar, logging_redirect_tqdm():
        yield bar


def run_annotate(args: argparse.Namespace) -> int:
    from .writers.docx import annotate

    config, checker, analysis = _analyse_letter(args)
    output = args.output or args.letter.with_name(f"{args.letter.stem}.lettercheck.docx")
    _write(output, annotate(analysis, config.target_level), "de brief met opmerkingen")
    count = len(analysis.findings)
    noun = "bevinding" if count == 1 else "bevindingen"
    print(f"Opmerkingen geschreven naar {display_path(output)} ({count} {noun})", file=sys.stderr)
    return EXIT_CLEAN


def run_rewrite(args: argparse.Namespace) -> int:
    from .draft import draft_file, make_draft, unified_diff

    config, checker, analysis = _analyse_letter(args)
    draft = make_draft(analysis, include_proposed=args.all)
    data, suffix = draft_file(analysis, draft, tracked=args.tracked)
    output = args.output or args.letter.with_name(f"{args.letter.stem}.herschreven{suffix}")
    _write(output, data, "de herschreven brief")
    if args.diff:  # a text letter as its file reads, blank lines included; a Word letter as its text
        before, after = (analysis.letter.original, data.decode("utf-8")) if suffix == ".txt" else (draft.original,
                                                                                                  draft.text)
        print(unified_diff(before, after, args.letter.name), end="")
    after = checker.check_text(draft.text, "herschreven.txt")
    print(f"Herschreven brief geschreven naar {display_path(output)}: {len(draft.applied)} wijzigingen, "
          f"{len(draft.dropped)} overgeslagen; bevindingen {len(analysis.findings)} → {len(after.findings)}, "
          f"niveau {analysis.readability.level} → {after.readability.level}", file=sys.stderr)
    for change in draft.dropped:
        log.info("skipped %s fix: %s", change.rule, change.reason)
    return EXIT_CLEAN


def _analyse_letter(args: argparse.Namespace):
    """The settings, a checker and the analysis of ``args.letter``."""
    from .config import load_config
    from .engine import Checker
    from .readers import read_letter

    config = load_config(args.config)
    checker = Checker(config)
    return config, checker, checker.analyse(read_letter(args.letter, config.max_bytes, config.max_words))


def _write(path: Path, data: bytes, what: str) -> None:
    try:
        path.write_bytes(data)
    except OSError as error:
        raise LetterError("output", f"Kan {what} niet schrijven naar {display_path(path)}.",
                          type(error).__name__) from None


@contextlib.contextmanager
def _output(path: Path | None):
    """Standard output, or the file named by --output."""
    if path is None:
        yield sys.stdout
        return
    try:
        handle = path.open("w", encoding="utf-8", newline="\n")
    except OSError as error:
        raise LetterError("output", f"Kan het rapport niet schrijven naar {path}.", type(error).__name__) from None
    with handle:
        yield handle


def _use_colour(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def run_rules(args: argparse.Namespace) -> int:
    from .catalogue import load_rules, rules_in
    from .docs import rule_text, rules_markdown, rules_table

    if args.markdown:
        print(rules_markdown())
    elif args.rule is None:
        print(rules_table())
    elif args.rule in load_rules():
        print(rule_text(args.rule))
    elif rules_in(args.rule):
        print(rules_table(rules_in(args.rule)))
    else:
        raise LetterError("unknown-rule", f"Er is geen regel of categorie '{args.rule}'. "
                          "Bekijk alle regels met: lettercheck rules", "unknown rule")
    return EXIT_CLEAN


def run_model(args: argparse.Namespace) -> int:
    from .nlp import load_pipeline, model_source

    nlp = load_pipeline()
    meta = nlp.meta
    print(f"Taalmodel: {meta.get('lang')}_{meta.get('name')} {meta.get('version')} ({model_source()})")
    print(f"Onderdelen: {', '.join(nlp.pipe_names)}")
    for key in ("pos_acc", "morph_acc", "dep_uas", "dep_las", "lemma_acc", "sents_f"):
        value = meta.get("performance", {}).get(key)
        if value is not None:
            print(f"  {key:<10} {value:.3f}")
    return EXIT_CLEAN


def run_serve(args: argparse.Namespace) -> int:
    from .config import load_config
    from .web.server import serve

    serve(load_config(args.config), args.host, args.port, args.workers)
    return EXIT_CLEAN


COMMANDS = {"check": run_check, "audit": run_audit, "annotate": run_annotate, "rewrite": run_rewrite,
            "rules": run_rules, "model": run_model, "serve": run_serve}


def run() -> None:
    """The console script: run, flush, and leave without tearing down the interpreter.

    Freeing the language model's objects one by one at exit takes about half a second, a quarter
    of a one-letter check; all output is flushed and no worker process is left, so skip it.
    """
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # the reader of our output (head, less) stopped early
        code = EXIT_BROKEN_PIPE
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)
