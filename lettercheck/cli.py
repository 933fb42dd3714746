"""The ``lettercheck`` command.

Exit codes of ``lettercheck check``: 0 nothing at or above ``--fail-on`` (and
no letter above ``--max-level``), 1 the bar was not met, 2 a usage or input
error (a file that cannot be read, a bad setting).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from . import __version__
from .errors import LetterError
from .lexicon import SEVERITIES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 141
log = logging.getLogger("lettercheck")


class DutchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: fout in de opdracht: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(
        prog="lettercheck",
        description="Controleer Nederlandse brieven op begrijpelijke, stress-sensitieve taal.",
    )
    parser.add_argument("--version", action="version", version=f"lettercheck {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="meer meldingen (in het Engels) op stderr")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=DutchArgumentParser)

    check = commands.add_parser("check", help="controleer brieven (.docx of .txt, of mappen daarmee)")
    check.add_argument("paths", nargs="+", metavar="PAD", help="bestanden of mappen")
    check.add_argument("--format", choices=("text", "json"), default="text", help="uitvoer (standaard: text)")
    check.add_argument("--fail-on", choices=SEVERITIES, help="exitcode 1 vanaf deze ernst (standaard: error)")
    check.add_argument("--max-level", choices=("A2", "B1", "B2", "C1"),
                       help="exitcode 1 als het geschatte taalniveau hoger is")
    check.add_argument("--config", type=Path,
                       help="instellingenbestand (standaard: lettercheck.toml of pyproject.toml)")
    check.add_argument("--jobs", "-j", type=int, default=1, help="aantal processen (standaard: 1)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="kleuren in de uitvoer")

    rules = commands.add_parser("rules", help="toon alle regels")
    rules.add_argument("--markdown", action="store_true", help="als Markdown-documentatie (docs/rules.md)")

    commands.add_parser("model", help="toon welk taalmodel wordt gebruikt en hoe goed het is")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="lettercheck: %(levelname)s: %(message)s")
    try:
        return COMMANDS[args.command](args)
    except LetterError as error:
        log.info("stopped: %s", error.detail)
        print(f"lettercheck: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def run_check(args: argparse.Namespace) -> int:
    from .checker import letter_paths
    from .config import load_config
    from .nlp import model_source
    from .output import TextFormatter, to_json
    from .parallel import check_paths

    config = load_config(args.config, fail_on=args.fail_on, max_level=args.max_level)
    paths = letter_paths(args.paths)
    if not paths:
        raise LetterError("no-letters", "Geen brieven gevonden (.docx of .txt) op de opgegeven plek.", "no input files")
    reports = []
    formatter = TextFormatter(_use_colour(args.color))
    for report in check_paths(paths, config, max(1, args.jobs)):
        reports.append(report)
        if args.format == "text":
            print(formatter.report(report), end="\n\n", flush=True)
    if args.format == "json":
        print(to_json(reports, model_source()))
    if any(r.error for r in reports):
        return EXIT_ERROR
    return EXIT_FINDINGS if any(r.fails(config) for r in reports) else EXIT_CLEAN


def _use_colour(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def run_rules(args: argparse.Namespace) -> int:
    from .docs import rules_markdown, rules_table

    print(rules_markdown() if args.markdown else rules_table())
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


COMMANDS = {"check": run_check, "rules": run_rules, "model": run_model}


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
