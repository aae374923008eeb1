"""The command line: parse, call the library, print, and map the outcome to an exit code."""

from __future__ import annotations

import os
import shutil
import sys
import tomllib
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from kzfr_check import __version__
from kzfr_check.report import FORMATS

# typer's help, in rich panels (rich markup: a literal "[" in a help text is written "\\["). Each command's help
# ends with an example on the bundled seed articles, which tests/test_help.py runs.
app = typer.Typer(
    help="Find where your sources disagree on facts and figures.",
    epilog="Run kzfr-check COMMAND -h for a command's options and an example. Exit codes: 0 no unresolved "
           "conflict, 1 at least one, 2 a usage or input error.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
CHECK, DECIDE = "Check the sources", "Record decisions in claims.toml"


_EXAMPLES = tomllib.loads(resources.files("kzfr_check").joinpath("examples.toml").read_text(encoding="utf-8"))


def _example(command: str) -> str:
    """A command's epilog: its example on the bundled seed articles (kzfr_check/examples.toml), to copy, in lines
    short enough for an 80-column terminal not to wrap (a long one goes on after a backslash, as a shell reads
    it)."""
    example = _EXAMPLES[command]
    lines = " \\\n    ".join(example["command"])
    return f"Example, {example['about']}:\n\n  [bold]{lines}[/bold]"


Format = StrEnum("Format", {name: name for name in FORMATS})  # every registered output format
ListFormat = StrEnum("ListFormat", {"text": "text", "json": "json"})  # for `claim` and `claims`
EngineName = StrEnum("EngineName", {"local": "local", "dask": "dask"})  # kzfr_check.engine.ENGINES, not imported


# Strings, not Paths: a URL keeps its "//"
PathsArg = Annotated[list[str] | None, typer.Argument(
    metavar="[PATHS]...", show_default=False,
    help="Source files or folders (.txt, .md, .html), or fsspec URLs (s3://bucket/folder) when the package for "
         "them is installed. Default: the \\[sources] paths of claims.toml; when it names none, the bundled "
         "seed articles.")]
ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", "-c", metavar="FILE", show_default=False,
    help="claims.toml to use. Default: ./claims.toml when there is one; none is the same as an empty file.")]
FormatOpt = Annotated[Format, typer.Option(
    "--format", "-f", metavar="FORMAT", help=f"Output format: {', '.join(FORMATS)}.")]
ListFormatOpt = Annotated[ListFormat, typer.Option("--format", "-f", metavar="text|json", help="Output format.")]


BROKEN_PIPE = 141  # the status shells report for a process that wrote to a closed pipe (128 + SIGPIPE)
CORES = (os.process_cpu_count() if hasattr(os, "process_cpu_count") else os.cpu_count()) or 1


class _Settings:
    """Options given before the command: they apply to every command."""

    debug = False
    allow_outside = False
    max_bytes = 50_000_000
    jobs = CORES
    quiet = False


def _print_version(asked: bool) -> None:
    if asked:
        print(f"kzfr-check {__version__}")
        raise typer.Exit()


@app.callback()
def _global_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
    max_bytes: Annotated[int, typer.Option(
        "--max-bytes", min=1, envvar="KZFR_CHECK_MAX_BYTES", metavar="N",
        help="Refuse sources larger than this many bytes.")] = 50_000_000,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=1, envvar="KZFR_CHECK_JOBS", show_default=False, metavar="N",
        help="Read sources, and group a big corpus's claims, in this many processes; fewer than 100 sources "
             "stay in one. Default: the number of cores.")
    ] = CORES,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar and no notes on stderr; warnings are still shown.")] = False,
    allow_outside: Annotated[bool, typer.Option(
        "--allow-outside", help="Follow links out of the folders checked, \\[sources] paths out of the folder of "
                                "claims.toml, and write through links out of their folder.")] = False,
    version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Find where your sources disagree on facts and figures."""
    _Settings.debug = debug
    _Settings.max_bytes = max_bytes
    _Settings.jobs = jobs
    _Settings.quiet = quiet
    _Settings.allow_outside = allow_outside


def _fail(message: str) -> typer.Exit:
    """The one line of an error, on stderr: names in it come from files and are made printable."""
    from kzfr_check.errors import printable

    print(f"kzfr-check: error: {printable(message)}", file=sys.stderr)
    return typer.Exit(2)


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _width() -> int:
    return shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100


class _ProgressBar:
    """A progress bar on stderr for runs of many documents, when stderr is a terminal and --quiet is not
    given. It is gone when the run ends, so the report and the warnings are all that stays on screen."""

    MIN_DOCUMENTS = 100  # fewer take a second or two at most: a bar would only flash

    def __init__(self) -> None:
        self.enabled = not _Settings.quiet and sys.stderr.isatty()
        self.bar = None  # a rich.progress.Progress, started for the first stage of a long run
        self.tasks: dict[str, int] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.bar is None:
            if not self.enabled or stage != "reading documents" or total < self.MIN_DOCUMENTS:
                self.enabled = False
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), "{task.description}", BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self.bar.start()
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(stage, total=total)
        self.bar.update(self.tasks[stage], completed=done, total=total)

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _check(paths: list[str] | list[Path], config, engine=None):  # type: ignore[no-untyped-def]
    """The library's check with the global options, and a progress bar for long runs."""
    from kzfr_check.pipeline import check

    with _ProgressBar() as progress:
        return check(paths, config, max_bytes=_Settings.max_bytes, jobs=_Settings.jobs, progress=progress,
                     allow_outside=_Settings.allow_outside, engine=engine)


def _engine(name: EngineName, scheduler: str | None):  # type: ignore[no-untyped-def]
    """The engine asked for, None for the local one (the library's default, with --jobs)."""
    if scheduler is not None and name is not EngineName.dask:  # type: ignore[attr-defined]
        raise _fail("--scheduler needs --engine dask")
    if name is EngineName.local:  # type: ignore[attr-defined]
        return None
    from kzfr_check.engine import engine

    return engine(name.value, jobs=_Settings.jobs, scheduler=scheduler, note=_note)


def _note(message: str) -> None:
    """A dim line on stderr that --quiet hides: what the tool chose for the user."""
    if not _Settings.quiet:
        from rich.console import Console

        Console(stderr=True, highlight=False).print(message, style="dim", markup=False, soft_wrap=True)


def _seeds(why: str) -> list[Path]:
    """The bundled seed articles, the sources of every command when nothing names any, and a note saying so."""
    from kzfr_check.pipeline import bundled_seeds

    _note(f"{why}: checking the bundled seed articles")
    return [bundled_seeds()]


def _report(paths: list[str] | list[Path] | None, config_path: Path | None, engine=None):  # type: ignore[no-untyped-def]
    """Run the pipeline on the paths given, else on those claims.toml names, else on the bundled seeds: the
    same for every command, and an empty claims.toml is the same as none. On the engine given (None: the
    local one)."""
    from kzfr_check.config import find_config, project_sources

    config = find_config(config_path, Path.cwd())
    if not paths:
        named = "no ./claims.toml" if config.path is None else f"no [sources] paths in {config.path}"
        paths = project_sources(config, _Settings.allow_outside) or _seeds(f"no PATHS and {named}")
    return _check(paths, config, engine)


def _run(command):  # type: ignore[no-untyped-def]
    """Run a command body: user errors become one line and exit 2. (Ctrl-C is typer's exit 130, and
    kzfr_check.main says so in one line.)"""
    from kzfr_check.errors import InputError

    try:
        return command()
    except InputError as exc:
        if _Settings.debug:
            raise
        raise _fail(str(exc)) from None
    except typer.Exit:
        raise
    except BrokenPipeError:  # the reader went away (`| head`): nothing to say, and no one to say it to
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # or the exit's flush would fail again
        raise typer.Exit(BROKEN_PIPE) from None
    except Exception as exc:  # a bug, not the user's doing: one line unless --debug asks for more
        if _Settings.debug:
            raise
        raise _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)") from None


@app.command(rich_help_panel=CHECK, epilog=_example("conflicts"))
def conflicts(
    paths: PathsArg = None,
    config: ConfigOpt = None,
    format: FormatOpt = Format.text,  # type: ignore[attr-defined]
    all_topics: Annotated[bool, typer.Option("--all", help="Also show agreeing and compatible topics.")] = False,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", show_default=False,
        help="Write the report to this file (atomically) instead of stdout ('-').")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1) on warnings too: stale resolutions.")] = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Report, but exit 0 even with conflicts.")] = False,
    engine: Annotated[EngineName, typer.Option(
        "--engine", metavar="local|dask",
        help="Where to read, extract and group: this machine's processes (--jobs), or a Dask cluster "
             "(pip install 'kzfr-check\\[dask]'). The report is the same.")
    ] = EngineName.local,  # type: ignore[attr-defined]
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS", show_default=False,
        help="With --engine dask: the address of the cluster's scheduler (tcp://host:8786). Default: a local "
             "cluster of --jobs workers.")] = None,
) -> None:
    """Show where the sources contradict each other; exit 1 while a conflict is unresolved.

    Each conflict shows its values, the quotes they rest on, and the command that settles it.
    """

    def body() -> int:
        from kzfr_check.pipeline import warn_stderr
        from kzfr_check.report import RenderOptions, chunk_renderer

        report = _report(paths, config, _engine(engine, scheduler))
        for warning in report.warnings:
            warn_stderr(warning)
        to_stdout = output is None or str(output) == "-"
        to_terminal = to_stdout and sys.stdout.isatty()
        options = RenderOptions(show_all=all_topics, color=to_terminal and "NO_COLOR" not in os.environ,
                                width=_width() if to_terminal else 100)
        pieces = chunk_renderer(format.value)(report, options)
        if to_stdout:
            for piece in pieces:
                sys.stdout.write(piece)
        else:
            from kzfr_check.atomic import write_atomic

            write_atomic(output, pieces, _Settings.allow_outside)
        failed = report.summary["conflicts"] > 0 or (strict and bool(report.warnings))
        return 0 if exit_zero else int(failed)

    raise typer.Exit(_run(body))


@app.command(rich_help_panel=CHECK, epilog=_example("claim"))
def claim(
    query: Annotated[str, typer.Argument(
        metavar="QUERY", show_default=False,
        help='A few words of the fact: "number of companies", "rank", "when signed".')],
    paths: PathsArg = None,
    config: ConfigOpt = None,
    format: ListFormatOpt = ListFormat.text,  # type: ignore[attr-defined]
) -> None:
    """Show what every source says about one fact; exit 1 when nothing matches.

    "number of" asks for a count, "rank" a rank, "when" or "year" a date; the other words must be found.
    """

    def body() -> int:
        from kzfr_check.query import find

        report = _report(paths, config)
        found = find(query, report)
        if format is ListFormat.json:  # type: ignore[attr-defined]
            from kzfr_check.report.json import claim_json, document, dumps

            data = document(report, found.topics)
            data["query"] = query
            data["single_source"] = [claim_json(c) for c in found.single]
            sys.stdout.write(dumps(data))
        elif found.topics or found.single:
            from kzfr_check.report.terminal import render_matches

            sys.stdout.write(render_matches(report, found.topics, found.single, _color(), _width()))
        if not found.topics and not found.single:
            from kzfr_check.errors import printable

            closest = "; ".join(f"{v.topic.label} [{v.topic.id}]" for v in found.closest)
            print(printable(f"nothing matches '{query}'" + (f"; closest topics: {closest}" if closest else "")),
                  file=sys.stderr)
            return 1
        return 0

    raise typer.Exit(_run(body))


@app.command("claims", rich_help_panel=CHECK, epilog=_example("claims"))
def list_claims(
    paths: PathsArg = None,
    config: ConfigOpt = None,
    source: Annotated[str | None, typer.Option(
        "--source", metavar="ID", show_default=False, help="Only this source id (its file name, without suffix).")
    ] = None,
    format: ListFormatOpt = ListFormat.text,  # type: ignore[attr-defined]
) -> None:
    """List every claim found, source by source: what the parser understood.

    Each claim has its line, kind, value, the period it is stated for (as of), its text and its topic.
    """

    def body() -> int:
        report = _report(paths, config)
        if source and source not in {s.id for s in report.sources}:
            known = ", ".join(s.id for s in report.sources)
            raise _fail(f"no source '{source}' (known: {known})")
        if format is ListFormat.json:  # type: ignore[attr-defined]
            from kzfr_check.report.json import SCHEMA, claim_json, dumps

            claims = [c for c in report.claims if not source or c.source == source]
            sys.stdout.write(dumps({"schema": SCHEMA,
                                    "claims": [claim_json(c, report.reported_topic_id(c)) for c in claims]}))
        else:
            from kzfr_check.report.terminal import render_claims

            sys.stdout.write(render_claims(report, source, _color(), _width()))
        return 0

    raise typer.Exit(_run(body))


@app.command(rich_help_panel=DECIDE, epilog=_example("init"))
def init(
    paths: Annotated[list[Path] | None, typer.Argument(
        metavar="[PATHS]...", show_default=False,
        help="Source files or folders. Default: the folder it runs in; when that holds no source, the bundled "
             "seed articles.")] = None,
    config: Annotated[Path, typer.Option("--config", "-c", metavar="FILE", help="Where to write.")] = Path(
        "claims.toml"),
) -> None:
    """Write a claims.toml that names the sources and declares every topic found, to curate.

    It never overwrites a file. Written from the bundled seed articles, it names no \\[sources] paths.
    """

    def body() -> int:
        from kzfr_check.atomic import write_atomic
        from kzfr_check.config import Config, initial_config
        from kzfr_check.errors import NoSourcesError, printable
        from kzfr_check.sources import folders_holding
        from kzfr_check.topics import TopicSpec, suggest_aliases

        if config.exists():
            raise _fail(f"{config}: already exists; not overwriting it")
        base = config.resolve().parent
        if paths:
            report = _check(paths, Config())
            folders = paths
        else:
            try:  # the folders here that hold the sources, so that a report written beside them is not under them
                report = _check([Path(".")], Config())
                folders = folders_holding([Path(".")], [Path(s.path) for s in report.sources])
            except NoSourcesError:
                report = _check(_seeds("no PATHS and no source in this folder"), Config())
                folders = []
        shown = [os.path.relpath(Path(p).resolve(), base).replace(os.sep, "/") for p in folders]
        specs = [TopicSpec(v.topic.id, v.topic.label, suggest_aliases(v.topic, report.claims), v.topic.kind)
                 for v in report.verdicts]
        write_atomic(config, initial_config(shown, specs), _Settings.allow_outside)
        print(printable(f"{config}: {len(specs)} topics from {len(report.sources)} sources"))
        return 0

    raise typer.Exit(_run(body))


@app.command(rich_help_panel=DECIDE, epilog=_example("resolve"))
def resolve(
    topic: Annotated[str, typer.Argument(metavar="TOPIC", show_default=False,
                                         help="The topic id, as the report shows it.")],
    reason: Annotated[str, typer.Option(
        "--reason", metavar="TEXT", show_default=False,
        help="Why: it is kept in claims.toml and shown in reports.")],
    accept: Annotated[str | None, typer.Option(
        "--accept", metavar="VALUE", show_default=False,
        help='The value you accept, as the report shows it or in other words ("fourth" for 4).')] = None,
    accept_suggested: Annotated[bool, typer.Option(
        "--accept-suggested", help="Accept the value the report suggests.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Record in claims.toml which value of a conflict is right; the values it contradicts are overruled.

    The rest of claims.toml is kept byte for byte. A new value that contradicts it reopens the conflict.
    """

    def body() -> int:
        from kzfr_check.config import CONFIG_NAME, record_resolution
        from kzfr_check.errors import printable
        from kzfr_check.query import value_meant
        from kzfr_check.report import as_written
        from kzfr_check.verdicts import Resolution, dissenting

        path = config or Path.cwd() / CONFIG_NAME
        if any("\udc80" <= char <= "\udcff" for char in reason):  # bytes that were not UTF-8 on the command line
            raise _fail("--reason is not UTF-8 text")
        if not path.is_file():
            raise _fail(f"{path}: no such file (run `kzfr-check init` first)")
        report = _report(None, path)
        verdict = next((v for v in report.verdicts if v.topic.id == topic), None)
        if verdict is None:
            known = ", ".join(v.topic.id for v in report.verdicts if v.status in ("conflict", "resolved"))
            raise _fail(f"{path}: unknown topic '{topic}' (topics in conflict: {known or 'none'})")
        kind = verdict.topic.kind
        if (accept is None) == (not accept_suggested):
            raise _fail("give one of --accept VALUE or --accept-suggested")
        if accept_suggested:
            if verdict.suggestion is None or verdict.suggestion.value is None:
                why = verdict.suggestion.reason if verdict.suggestion else "no conflict to decide"
                raise _fail(f"'{topic}' has no suggested value ({why}); choose one with --accept")
            chosen = verdict.suggestion.value
        else:
            meant = value_meant(accept or "", verdict)  # "fourth" or "4th" for 4, "56080" for 56,080
            if meant is None:
                values = ", ".join(as_written(v.value, kind) for v in verdict.values)
                raise _fail(f"'{accept}' is not a value of '{topic}' (its values: {values})")
            chosen = meant
        overrules = dissenting(verdict.values, chosen)
        if not overrules:
            raise _fail(f"'{topic}' has no value that contradicts {as_written(chosen, kind)}: nothing to resolve")
        record_resolution(path, Resolution(topic, chosen, tuple(overrules), reason), _Settings.allow_outside)
        overruled = ", ".join(as_written(v, kind) for v in overrules)
        print(printable(f"{path}: resolved '{topic}': {as_written(chosen, kind)} over {overruled}"))
        return 0

    raise typer.Exit(_run(body))
