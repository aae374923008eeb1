"""Hostile and sloppy input, run as a user runs it: the installed `kzfr-check` in a subprocess. Every
input error is one line on stderr naming the file and the problem, exit 2, no traceback; sources are
never modified; an interrupted run leaves its output file as it was or complete."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import pytest

from conftest import SEEDS

KZFR = str(Path(sys.executable).with_name("kzfr-check"))
RUSSIAN = "Франция занимает четвёртое место. France is the fourth largest investor in Kazakhstan.\n"
# One fact, stated the same way everywhere except its year: the conflict every encoding must keep.
PARTNERSHIP = "Intro line.\r\nThe two countries signed a strategic partnership in {year}.\rClosing line.\n"


def run(*args: str | Path, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KZFR, *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "NO_COLOR": "1"})


def one_error_line(result: subprocess.CompletedProcess[str], *names: str) -> str:
    """The run failed as a user error should: exit 2, one error line (after any warnings), naming what
    it names; the error line is returned."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    errors = [line for line in result.stderr.splitlines() if not line.startswith("warning: ")]
    assert len(errors) == 1 and errors[0].startswith("kzfr-check: error: "), result.stderr
    for name in names:
        assert name in errors[0], (name, result.stderr)
    return errors[0]


def digest(folder: Path) -> dict[str, str]:
    """Every file under folder (links not followed) with the hash of its bytes."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file() and not path.is_symlink()}


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """An empty working directory with an empty claims.toml, so no run falls back to the seeds."""
    (tmp_path / "claims.toml").write_text("")
    return tmp_path


# ------------------------------------------------------------------ paths


def test_missing_path(work: Path) -> None:
    one_error_line(run("conflicts", "nowhere", cwd=work), "nowhere", "no such file")


def test_directory_with_no_readable_sources(work: Path) -> None:
    folder = work / "docs"
    folder.mkdir()
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n")
    (folder / "notes.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / ".hidden.txt").write_text("France ranks third.")
    result = run("conflicts", "docs", cwd=work)
    one_error_line(result, "docs", "no readable")
    assert result.stderr.startswith("warning: docs/notes.txt: skipped, looks binary\n")


def test_empty_directory(work: Path) -> None:
    (work / "empty").mkdir()
    one_error_line(run("conflicts", "empty", cwd=work), "empty", "no readable")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_unreadable_file(work: Path) -> None:
    (work / "docs").mkdir()
    secret = work / "docs" / "secret.txt"
    secret.write_text("France ranks third.")
    secret.chmod(0)
    try:
        one_error_line(run("conflicts", "docs", cwd=work), "docs/secret.txt", "permission denied")
    finally:
        secret.chmod(0o644)


def test_unreadable_file_as_any_user(work: Path, monkeypatch: pytest.MonkeyPatch, cli) -> None:
    """The same, where the test runs as root (as CI does): the operating system's refusal is simulated."""
    (work / "docs").mkdir()
    secret = work / "docs" / "secret.txt"
    secret.write_text("The bridge opened in 1932.\n")
    open_file = os.open

    def refuse(path: str | Path, flags: int, *args: int) -> int:
        if Path(path).name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return open_file(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    result = cli("conflicts", "docs", cwd=work)
    assert result.exit_code == 2
    assert result.stderr == "kzfr-check: error: docs/secret.txt: cannot read (permission denied)\n"


def test_symlink_loops(work: Path) -> None:
    docs = work / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("France ranks third among investors in Kazakhstan.\n")
    (docs / "again").symlink_to(".")            # a folder that contains itself
    (docs / "x.txt").symlink_to("y.txt")        # two links that point at each other
    (docs / "y.txt").symlink_to("x.txt")
    result = run("claims", "docs", "--format", "json", cwd=work)
    assert result.returncode == 0, result.stderr
    assert [c["source"] for c in json.loads(result.stdout)["claims"]] == ["a"]
    one_error_line(run("conflicts", "docs/x.txt", cwd=work), "docs/x.txt", "link")


def test_links_out_of_the_folder_checked_are_not_followed(work: Path) -> None:
    """A document in a pull request may be a link to a secret elsewhere: links that lead out of the folder
    checked are skipped, each with a warning, unless --allow-outside; links inside it are read."""
    (work / "secret").mkdir()
    (work / "secret" / "notes.txt").write_text("The vault code changed in 1999.\n")
    docs = work / "docs"
    (docs / "inner").mkdir(parents=True)
    (docs / "a.txt").write_text("The vault code changed in 1998.\n")
    (docs / "inner" / "b.md").write_text("The tower opened in 1889.\n")
    (docs / "notes.txt").symlink_to("../secret/notes.txt")
    (docs / "elsewhere").symlink_to("../secret", target_is_directory=True)
    (docs / "again.md").symlink_to("inner/b.md")  # inside: read, once
    if Path("/proc/self/status").is_file():
        (docs / "status.txt").symlink_to("/proc/self/status")
    result = run("conflicts", "docs", "--format", "github", cwd=work)
    assert result.returncode == 0 and result.stdout == "", result
    assert sorted(result.stderr.splitlines()) == sorted(
        f"warning: docs/{name}: skipped, a link out of docs"
        for name in ("elsewhere", "notes.txt", *(["status.txt"] if (docs / "status.txt").exists() else [])))
    read = json.loads(run("claims", "docs", "--format", "json", cwd=work).stdout)
    assert [c["source"] for c in read["claims"]] == ["a", "again"]
    allowed = run("--allow-outside", "conflicts", "docs", "--format", "json", cwd=work)
    assert allowed.returncode == 1 and "secret" not in allowed.stderr, allowed.stderr
    assert run("conflicts", "docs/notes.txt", "docs/a.txt", cwd=work).returncode == 1  # named: read


def test_sources_paths_stay_in_the_project_and_no_whole_disk_is_walked(work: Path) -> None:
    (work / "project" / "docs").mkdir(parents=True)
    (work / "project" / "docs" / "a.txt").write_text("The tower opened in 1889.\n")
    (work / "secret").mkdir()
    (work / "secret" / "b.txt").write_text("The tower opened in 1890.\n")
    project = work / "project"
    for outside in ("../secret", str(work / "secret"), "/"):
        (project / "claims.toml").write_text(f'[sources]\npaths = ["docs", "{outside}"]\n')
        one_error_line(run("conflicts", cwd=project), "claims.toml", "outside the project", "--allow-outside")
    (project / "claims.toml").write_text('[sources]\npaths = ["docs", "../secret"]\n')
    assert run("--allow-outside", "conflicts", cwd=project).returncode == 1
    assert run("conflicts", "docs", "../secret", cwd=project).returncode == 1  # named on the command line
    (project / "claims.toml").write_text('[sources]\npaths = ["docs"]\n')
    assert run("conflicts", cwd=project).returncode == 0
    one_error_line(run("conflicts", "/", cwd=work), "/: refusing to check the whole file system")
    home = subprocess.run([KZFR, "conflicts", str(project)], cwd=work, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "HOME": str(project)})
    one_error_line(home, str(project), "refusing to check the home folder")


def test_binary_file_is_skipped_with_a_warning_and_the_exit_code_kept(work: Path) -> None:
    shutil.copytree(SEEDS, work / "seeds")
    without = run("conflicts", "seeds", cwd=work)
    (work / "seeds" / "image.txt").write_bytes(bytes(range(256)) * 4)
    (work / "seeds" / "archive.md").write_bytes(b"\x1f\x8b\x08\x00" + bytes(64))
    result = run("conflicts", "seeds", cwd=work)
    assert result.returncode == without.returncode == 1
    assert result.stdout == without.stdout
    assert "warning: seeds/image.txt: skipped, looks binary" in result.stderr
    assert "warning: seeds/archive.md: skipped, looks binary" in result.stderr
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------------ encodings and line endings

ENCODED = [
    ("utf-8", lambda text: text.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", lambda text: text.encode("utf-8-sig"), "utf-8-sig"),
    ("utf-16 LE with BOM", lambda text: b"\xff\xfe" + text.encode("utf-16-le"), "utf-16"),
    ("utf-16 BE with BOM", lambda text: b"\xfe\xff" + text.encode("utf-16-be"), "utf-16"),
    ("utf-32 LE with BOM", lambda text: text.encode("utf-32-le").join([b"\xff\xfe\0\0", b""]), "utf-32"),
    ("utf-32 BE with BOM", lambda text: text.encode("utf-32-be").join([b"\0\0\xfe\xff", b""]), "utf-32"),
    ("cp1251", lambda text: text.encode("cp1251"), "cp1251"),
    ("cp1252", lambda text: text.replace("Франция занимает четвёртое место.", "Café “€”.").encode("cp1252"),
     "cp1252"),
    ("latin-1", lambda text: text.replace("Франция занимает четвёртое место.", "Caf\x81 \xe9.").encode("latin-1"),
     "latin-1"),
]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "mixed"])
@pytest.mark.parametrize(("label", "encode", "encoding"), ENCODED, ids=[e[0] for e in ENCODED])
def test_encodings_and_line_endings_keep_line_numbers(cli, work: Path, label, encode, encoding, newline) -> None:
    lines = ["Title", "", RUSSIAN.strip(), "", "It has over 170 companies and 12 factories there."]
    if newline == "mixed":
        text = "Title\r\n\r" + RUSSIAN.strip() + "\n\r\nIt has over 170 companies and 12 factories there.\r\n"
    else:
        text = newline.join(lines) + newline
    (work / "doc.txt").write_bytes(encode(text))
    result = cli("claims", "doc.txt", "--format", "json", cwd=work)  # in-process: 36 cases
    assert result.exit_code == 0, result.stderr
    found = {c["text"]: c["line"] for c in result.json["claims"]}
    assert found == {"fourth": 3, "over 170": 5, "12": 5}, found
    legacy = encoding not in ("utf-8", "utf-8-sig", "utf-16", "utf-32")
    assert (f"not UTF-8, read as {encoding}" in result.stderr) == legacy, result.stderr
    assert cli("conflicts", "doc.txt", "--format", "json", cwd=work).json["sources"][0]["encoding"] == encoding


def test_a_conflict_across_three_encodings(work: Path) -> None:
    docs = work / "docs"
    docs.mkdir()
    (docs / "a.txt").write_bytes(b"\xff\xfe" + PARTNERSHIP.format(year=2008).encode("utf-16-le"))
    (docs / "b.md").write_bytes(("Caf\xe9 notes.\n" + PARTNERSHIP.format(year=2008)).encode("cp1252"))
    (docs / "c.txt").write_bytes(("Франция.\n" + PARTNERSHIP.format(year=2009)).encode("cp1251"))
    before = digest(docs)
    result = run("conflicts", "docs", "--format", "json", cwd=work)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert [s["encoding"] for s in data["sources"]] == ["utf-16", "cp1252", "cp1251"]
    (topic,) = [t for t in data["topics"] if t["status"] == "conflict"]
    assert {v["value"]: v["sources"] for v in topic["values"]} == {"2008": ["a", "b"], "2009": ["c"]}
    assert {c["source"]: c["line"] for c in topic["claims"]} == {"a": 2, "b": 3, "c": 3}
    assert digest(docs) == before


# ------------------------------------------------------------------ sizes

LONG_LINE_BYTES = int(os.environ.get("KZFR_LONG_LINE_BYTES", 1_000_000))  # fuzz/README.md: 10 MB run


def test_empty_file_alone_and_among_others(work: Path) -> None:
    (work / "empty.txt").write_bytes(b"")
    (work / "bom.md").write_bytes(b"\xef\xbb\xbf")
    alone = run("conflicts", "empty.txt", "bom.md", "--format", "json", cwd=work)
    assert alone.returncode == 0, alone.stderr
    assert json.loads(alone.stdout)["summary"]["claims"] == 0
    shutil.copytree(SEEDS, work / "seeds")
    shutil.copy(work / "empty.txt", work / "seeds")
    assert run("conflicts", "seeds", cwd=work).returncode == 1


def test_one_very_long_line_is_read_whole(work: Path) -> None:
    """Every figure of a megabyte on one line is found. That it costs in proportion to its size (it was quadratic:
    minutes for one megabyte) is measured by bench/hostile.py, not timed here: the timeout only ends a run that
    hangs."""
    seeds = " ".join(" ".join(path.read_text().split()) for path in sorted(SEEDS.glob("*.txt")))
    (work / "long.txt").write_text((seeds + " ") * (LONG_LINE_BYTES // len(seeds) + 1))
    result = run("claims", "long.txt", "--format", "json", cwd=work, timeout=600)
    assert result.returncode == 0, result.stderr
    claims = json.loads(result.stdout)["claims"]
    assert len(claims) > 40 * LONG_LINE_BYTES // len(seeds) and {c["line"] for c in claims} == {1}


def test_a_source_over_max_bytes_is_refused_in_one_line(work: Path) -> None:
    big = work / "big.txt"
    with big.open("wb") as out:  # 100 MB without writing 100 MB: a sparse file is refused by its size
        out.truncate(100_000_000)
    one_error_line(run("conflicts", "big.txt", cwd=work), "big.txt", "100,000,000 bytes", "--max-bytes")
    (work / "small.txt").write_text("France ranks third among investors in Kazakhstan.\n" * 100)
    one_error_line(run("--max-bytes", "1000", "conflicts", "small.txt", cwd=work), "small.txt", "over the limit")
    assert run("--max-bytes", "100000", "conflicts", "small.txt", cwd=work).returncode == 0


def _bounded_memory() -> None:
    """In the child: a run that reads without limit fails fast instead of filling the machine's memory."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


@pytest.mark.skipif(not Path("/dev/zero").exists() or not hasattr(os, "mkfifo"), reason="needs /dev/zero and FIFOs")
def test_devices_and_fifos_are_refused_unread(work: Path) -> None:
    """An endless device, named or linked to, and a FIFO with no writer: one line each, at once."""
    (work / "docs").mkdir()
    (work / "docs" / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(work / "pipe.txt")
    for args in (["conflicts", "docs/zero.txt"], ["conflicts", "pipe.txt"], ["claims", "/dev/zero"]):
        result = subprocess.run([KZFR, *args], cwd=work, capture_output=True, text=True, timeout=60,
                                preexec_fn=_bounded_memory)
        one_error_line(result, args[-1], "not a regular file")
    (work / "claims.toml").write_text('[sources]\npaths = ["/dev/zero", "docs"]\n')  # out of the project, allowed
    result = subprocess.run([KZFR, "--allow-outside", "conflicts"], cwd=work, capture_output=True, text=True,
                            timeout=60, preexec_fn=_bounded_memory)
    one_error_line(result, "/dev/zero", "not a regular file")
    # inside a folder, they are not sources at all: the folder's one document is read
    (work / "docs" / "a.txt").write_text("The bridge opened in 1937.\n")
    os.mkfifo(work / "docs" / "pipe.md")
    assert run("conflicts", "docs", cwd=work).returncode == 0


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="needs Linux's /proc")
def test_max_bytes_does_not_trust_the_size_a_file_reports(work: Path) -> None:
    """/proc files say they hold 0 bytes, and hold more: no more than max_bytes are read, and the file is refused."""
    (work / "maps.txt").symlink_to("/proc/self/maps")
    one_error_line(run("--max-bytes", "200", "conflicts", "maps.txt", cwd=work), "maps.txt", "over the limit of 200")


INJECTED = "a\n::error file=x.txt::injected\n::add-mask::b"  # a file name: GitHub reads commands on stderr too


def test_file_names_cannot_break_the_one_line_promise_on_stderr(work: Path) -> None:
    """Warnings and errors about a file whose name holds line breaks and workflow commands stay on one line each,
    the breaks shown as escapes."""
    docs = work / "docs"
    docs.mkdir()
    (docs / f"{INJECTED}.txt").write_bytes("Caf\xe9 notes. The bridge opened in 1937.\n".encode("cp1252"))
    (docs / f"{INJECTED}\x1b[2J.md").write_bytes(b"\x00binary")
    (work / f"{INJECTED}\r.html").symlink_to("/dev/null")
    results = [run("conflicts", "docs", cwd=work), run("conflicts", f"{INJECTED}\r.html", cwd=work),
               run("conflicts", "docs", "--output", f"docs/{INJECTED}/report.txt", cwd=work)]
    for result in results:
        lines = result.stderr.splitlines()
        assert all(line.startswith(("warning: ", "kzfr-check: error: ")) for line in lines), result.stderr
        assert not any(char in result.stderr for char in "\r\x1b"), result.stderr
    assert results[0].stderr.splitlines() == [
        "warning: docs/a\\n::error file=x.txt::injected\\n::add-mask::b\\x1b[2J.md: skipped, looks binary",
        "warning: docs/a\\n::error file=x.txt::injected\\n::add-mask::b.txt: not UTF-8, read as cp1252"]
    one_error_line(results[1], "injected\\n::add-mask::b\\r.html: cannot read (not a regular file)")
    one_error_line(results[2], "cannot write")


def test_debug_shows_the_traceback(work: Path) -> None:
    result = run("--debug", "conflicts", "nowhere", cwd=work)
    assert result.returncode != 0 and "Traceback" in result.stderr


# ------------------------------------------------------------------ claims.toml

TOPIC = '[[topic]]\nid = "partnership"\nlabel = "Partnership"\naliases = ["strategic partnership"]\n'


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[sources]\npaths = [\"a\"\n", 2, ""),                                      # syntax error
        ("[[topic]\nid = 'x'\n", 1, ""),                                             # syntax error
        ("x = 1\n", 1, "unknown table 'x'"),
        ("[sources]\npaths = \"seeds\"\n", 2, "'paths' must be a list"),
        ("[sources]\npaths = [1, 2]\n", 2, "list of strings"),
        (TOPIC + "colour = 'red'\n", 5, "unknown key 'colour'"),
        (TOPIC + "kind = 'weight'\n", 5, "unknown kind 'weight'"),
        (TOPIC + "\n" + TOPIC, 7, "duplicate topic id 'partnership'"),
        ('[[topic]]\nid = "a b"\nlabel = "x"\naliases = ["y"]\n', 2, "must be one word"),
        ('[[topic]]\nid = "a"\nlabel = "x"\naliases = [" "]\n', 4, "at least one alias"),
        ('[[topic]]\nid = "a"\nlabel = 3\naliases = ["y"]\n', 3, "'label' must be a string"),
        ("topic = 3\n", 1, "[[topic]] tables"),
        ('[[resolution]]\ntopic = "nowhere"\naccept = "1"\nreason = "r"\n', 2, "unknown topic 'nowhere'"),
        ('[[resolution]]\ntopic = "x"\naccept = "1"\n', 1, "needs 'reason'"),
        ("# notes\npaths = " + "[" * 5000 + "\n", 2, "nested too deeply"),             # the parser's recursion
    ],
)
def test_malformed_claims_toml_is_one_line_with_its_line(work: Path, text: str, line: int, message: str) -> None:
    shutil.copytree(SEEDS, work / "seeds")
    (work / "claims.toml").write_text(text)
    error = one_error_line(run("conflicts", "seeds", cwd=work), f"claims.toml:{line}: ", message)
    assert error.count("claims.toml") == 1


@pytest.mark.parametrize("data", [b"\xff\xfe[sources]", "[sources]\npaths = ['é']\n".encode("cp1252")])
def test_claims_toml_that_is_not_utf8(work: Path, data: bytes) -> None:
    (work / "claims.toml").write_bytes(data)
    one_error_line(run("conflicts", str(SEEDS), cwd=work), "claims.toml", "not UTF-8")


def test_claims_toml_that_is_a_directory_or_missing(work: Path) -> None:
    (work / "folder.toml").mkdir()
    one_error_line(run("conflicts", str(SEEDS), "--config", "folder.toml", cwd=work), "folder.toml", "not a file")
    one_error_line(run("conflicts", str(SEEDS), "--config", "gone.toml", cwd=work), "gone.toml", "no such file")


@pytest.mark.parametrize("where", ["valid", "error at the end"])
def test_a_10_mb_claims_toml(work: Path, where: str) -> None:
    shutil.copytree(SEEDS, work / "seeds")
    filler = ("# " + "x" * 97 + "\n") * 100_000
    config = Path(__file__).parents[1] / "claims.toml"
    text = config.read_text() + filler + ("" if where == "valid" else "[[topic]\n")
    (work / "claims.toml").write_text(text)
    result = run("conflicts", cwd=work)
    if where == "valid":
        assert result.returncode == 0, result.stderr
    else:
        one_error_line(result, f"claims.toml:{text.count(chr(10))}: ")


# ------------------------------------------------------------------ interrupted runs


def _big_corpus(folder: Path, copies: int = 25) -> None:
    """The seeds and many reworded copies: enough work for a run to be interrupted in the middle."""
    folder.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder)
    text = " ".join(path.read_text() for path in sorted(SEEDS.glob("*.txt")))
    for n in range(copies):
        (folder / f"filler-{n:03d}.md").write_text(text.replace("France", f"Country{n}"))


PARTNERSHIP_TOPIC = ('[[topic]]\nid = "partnership"\nlabel = "Strategic partnership"\n'
                     'aliases = ["strategic partnership", "strategic cooperation"]\nkind = "date"\n')


def _interrupt(args: list[str], cwd: Path, delay: float) -> subprocess.CompletedProcess[str]:
    process = subprocess.Popen([KZFR, *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env={**os.environ, "NO_COLOR": "1"})
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def _delays(run_seconds: float) -> tuple[float, ...]:
    """When to interrupt a run that takes this long in full: near its end, in its middle and sooner, however fast
    the machine; after start-up (the test below interrupts during the imports and argument parsing). The sooner
    ones still interrupt a run when the machine, less busy than during the timed run, finishes it early."""
    return tuple(dict.fromkeys(max(0.2, share * run_seconds) for share in (0.75, 0.4, 0.2)))


def _timed(*args: str | Path, cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    result = run(*args, cwd=cwd)
    return result, time.monotonic() - started


def test_ctrl_c_leaves_the_output_file_as_it_was_or_complete(work: Path) -> None:
    _big_corpus(work / "corpus")
    before = digest(work / "corpus")
    complete = work / "complete.json"
    finished, seconds = _timed("conflicts", "corpus", "--format", "json", "--output", complete, cwd=work)
    assert finished.returncode in (0, 1), finished.stderr
    interrupted = 0
    for delay in _delays(seconds):
        output = work / "report.json"
        output.write_text("the previous report\n")
        result = _interrupt(["conflicts", "corpus", "--format", "json", "--output", str(output)], work, delay)
        if result.returncode == 130:
            interrupted += 1
            assert result.stderr == "kzfr-check: interrupted\n", result.stderr
        else:
            assert result.returncode == finished.returncode, result.stderr
        assert output.read_text() in ("the previous report\n", complete.read_text())
        assert not [p.name for p in work.iterdir() if p.name.endswith(".tmp")]
        assert digest(work / "corpus") == before
    assert interrupted, "no run was interrupted: make the corpus bigger"


def test_ctrl_c_leaves_claims_toml_as_it_was_or_complete(work: Path) -> None:
    _big_corpus(work / "corpus", copies=20)
    (work / "claims.toml").write_text('# my notes\n[sources]\npaths = ["corpus"]\n\n' + PARTNERSHIP_TOPIC)
    data = json.loads(run("conflicts", "--format", "json", cwd=work).stdout)
    topic = next(t for t in data["topics"] if t["status"] == "conflict")
    accept = topic["values"][0]["value"]
    args = ["resolve", topic["id"], "--accept", accept, "--reason", "checked"]
    original = (work / "claims.toml").read_text()
    finished, seconds = _timed(*args, cwd=work)
    assert finished.returncode == 0, finished.stderr
    resolved = (work / "claims.toml").read_text()
    assert resolved.startswith(original) and f'accept = "{accept}"' in resolved
    before = digest(work / "corpus")
    interrupted = 0
    for delay in _delays(seconds):
        (work / "claims.toml").write_text(original)
        result = _interrupt(args, work, delay)
        if result.returncode == 130:
            interrupted += 1
            assert result.stderr == "kzfr-check: interrupted\n", result.stderr
        else:
            assert result.returncode == 0, result.stderr
        assert (work / "claims.toml").read_text() in (original, resolved)
        assert not [p.name for p in work.iterdir() if p.name.endswith(".tmp")]
        assert digest(work / "corpus") == before
    assert interrupted, "no run was interrupted: make the corpus bigger"


def _alive_in_session(session: int) -> dict[int, bytes]:
    """The processes of a session still running (not zombies, which a container's first process may never
    reap), with their command lines: a run's workers and multiprocessing's resource tracker are in its session."""
    alive = {}
    for folder in Path("/proc").glob("[0-9]*"):
        try:
            fields = (folder / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) == session and fields[0] != "Z":
                alive[int(folder.name)] = (folder / "cmdline").read_bytes()
        except OSError:  # gone meanwhile
            continue
    return alive


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the processes of a session in /proc")
def test_sigterm_stops_a_run_as_ctrl_c_does_workers_included(work: Path) -> None:
    """A CI job cancelled: SIGTERM ends the run with one line and status 143, the output file as it was or
    complete, no temporary file left, and no worker process left running."""
    _big_corpus(work / "corpus", copies=120)
    complete = work / "complete.json"
    args = ["--jobs", "2", "conflicts", "corpus", "--format", "json"]
    finished, seconds = _timed(*args, "--output", complete, cwd=work)
    assert finished.returncode in (0, 1), finished.stderr
    terminated = 0
    for delay in _delays(seconds):
        output = work / "report.json"
        output.write_text("the previous report\n")
        process = subprocess.Popen([KZFR, *args, "--output", str(output)], cwd=work, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, start_new_session=True)
        time.sleep(delay)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
        for _ in range(50):  # multiprocessing's resource tracker ends when it sees the run gone: let it
            left = _alive_in_session(process.pid)
            if not left:
                break
            time.sleep(0.1)
        for pid in left:  # not to leave them behind on a failure
            os.kill(pid, signal.SIGKILL)
        assert not left, f"processes of the run still alive: {left}"
        if process.returncode == 143:
            terminated += 1
            assert stderr == "kzfr-check: terminated\n", stderr
        else:
            assert process.returncode == finished.returncode, stderr
        assert output.read_text() in ("the previous report\n", complete.read_text())
        assert not [p.name for p in work.iterdir() if p.name.endswith(".tmp")]
    assert terminated, "no run was terminated: make the corpus bigger"


def test_an_interrupt_after_the_report_is_written_says_so(work: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """Ctrl-C landing once the output file has been renamed into place: the run says it was interrupted after
    the file was written in full, not as if nothing had been. (In process: the moment is too short to hit.)"""
    import kzfr_check
    import kzfr_check.atomic

    write_atomic = kzfr_check.atomic.write_atomic

    def write_then_interrupted(path: Path, text: str, allow_outside: bool) -> None:
        write_atomic(path, text, allow_outside)
        raise KeyboardInterrupt

    monkeypatch.setattr(kzfr_check.atomic, "write_atomic", write_then_interrupted)
    monkeypatch.setattr(kzfr_check.atomic, "WRITTEN", [])
    monkeypatch.setattr(sys, "argv", ["kzfr-check", "conflicts", str(SEEDS), "--output", "report.txt"])
    monkeypatch.chdir(work)
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        with pytest.raises(SystemExit) as stopped:
            kzfr_check.main()
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "kzfr-check: interrupted, after report.txt was written in full\n"
    assert (work / "report.txt").read_text() == run("conflicts", SEEDS, cwd=work).stdout


def test_ctrl_c_at_start_up_is_one_line_too(work: Path) -> None:
    """While modules load and arguments are read (once the interpreter itself is up: a signal during
    Python's own start-up is Python's to report). The corpus keeps a fast machine busy past the last delay."""
    _big_corpus(work / "corpus")
    for delay in (0.12, 0.2, 0.3):
        result = _interrupt(["conflicts", "corpus"], work, delay)
        assert (result.returncode, result.stderr) == (130, "kzfr-check: interrupted\n")


THINGS = ("north bridge", "east tower", "old mill", "river lock")


def _four_conflicts(work: Path) -> str:
    """Two documents that disagree on the year of four things, declared as four topics: claims.toml's text."""
    for name, year in (("a", 1901), ("b", 1911)):
        (work / f"{name}.txt").write_text("".join(f"The {thing} opened in {year + n}.\n\n"
                                                  for n, thing in enumerate(THINGS)))
    return '[sources]\npaths = ["a.txt", "b.txt"]\n' + "".join(
        f'\n[[topic]]\nid = "{thing.replace(" ", "-")}"\nlabel = "Opening of the {thing}"\naliases = ["{thing}"]\n'
        for thing in THINGS)


def test_resolve_runs_at_the_same_time_lose_no_decision(work: Path) -> None:
    """Four `resolve` runs on one claims.toml at once, for four topics, several times over: every run that says
    it resolved its topic has its resolution in the file, and the file is valid."""
    config = _four_conflicts(work)
    for _ in range(5):
        (work / "claims.toml").write_text(config)
        runs = [subprocess.Popen([KZFR, "resolve", thing.replace(" ", "-"), "--accept", str(1901 + n),
                                  "--reason", f"checked {n}"], cwd=work, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for n, thing in enumerate(THINGS)]
        for process in runs:
            _, stderr = process.communicate(timeout=120)
            assert process.returncode == 0, stderr
        written = tomllib.loads((work / "claims.toml").read_text())
        assert sorted(r["topic"] for r in written["resolution"]) == sorted(t.replace(" ", "-") for t in THINGS)
        assert (work / "claims.toml").read_text().startswith(config)
        assert run("conflicts", cwd=work).returncode == 0


def test_resolve_keeps_line_endings_and_byte_order_mark(work: Path) -> None:
    config = _four_conflicts(work).replace("\n", "\r\n")
    (work / "claims.toml").write_bytes(codecs.BOM_UTF8 + config.encode())
    for n in (1, 2):  # a new resolution, then the same one updated in place
        resolved = run("resolve", "north-bridge", "--accept", f"19{n - 1}1", "--reason", "checked", cwd=work)
        assert resolved.returncode == 0, resolved.stderr
        data = (work / "claims.toml").read_bytes()
        assert data.startswith(codecs.BOM_UTF8 + config.encode()), data
        assert b"\n" not in data.replace(b"\r\n", b""), data
    assert 'accept = "1911"' in data.decode("utf-8-sig")


def test_outputs_through_links_and_streams(work: Path) -> None:
    """A link given as --output, or as claims.toml, stays a link and its target gets the text; a FIFO is written
    to as a stream, `-` is stdout, and any other special file (a socket, a folder) is refused and left alone."""
    config = _four_conflicts(work)
    (work / "claims.toml").write_text(config)
    expected = run("conflicts", "--format", "json", cwd=work).stdout
    (work / "real").mkdir()
    (work / "report.json").symlink_to("real/target.json")
    assert run("conflicts", "--format", "json", "--output", "report.json", cwd=work).returncode == 1
    assert (work / "report.json").is_symlink() and (work / "real" / "target.json").read_text() == expected
    dash = run("conflicts", "--format", "json", "--output", "-", cwd=work)
    assert (dash.returncode, dash.stdout) == (1, expected) and not (work / "-").exists()
    if hasattr(os, "mkfifo"):
        os.mkfifo(work / "pipe.json")
        process = subprocess.Popen([KZFR, "conflicts", "--format", "json", "--output", "pipe.json"],
                                   cwd=work, stderr=subprocess.PIPE, text=True)
        with open(work / "pipe.json", encoding="utf-8") as pipe:
            assert pipe.read() == expected
        assert process.wait(timeout=60) == 1, process.stderr
        assert stat.S_ISFIFO(os.lstat(work / "pipe.json").st_mode)
    if hasattr(socket, "AF_UNIX"):
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(work / "report.sock"))
            one_error_line(run("conflicts", "--output", "report.sock", cwd=work), "report.sock", "not a regular file")
            assert stat.S_ISSOCK(os.lstat(work / "report.sock").st_mode)
    (work / "folder").mkdir()
    one_error_line(run("conflicts", "--output", "folder", cwd=work), "folder", "cannot write")

    (work / "real" / "claims.toml").write_text(config)
    (work / "claims.toml").unlink()
    (work / "claims.toml").symlink_to("real/claims.toml")
    assert run("resolve", "old-mill", "--accept", "1903", "--reason", "checked", cwd=work).returncode == 0
    assert (work / "claims.toml").is_symlink()
    assert (work / "real" / "claims.toml").read_text().startswith(config + "\n[[resolution]]\ntopic = \"old-mill\"")
    # a link planted in a pull request must not make the job overwrite a file elsewhere
    (work / "reports").mkdir()
    (work / "real" / "notes.txt").write_text("my notes\n")
    (work / "reports" / "report.json").symlink_to("../real/notes.txt")
    one_error_line(run("conflicts", "--output", "reports/report.json", cwd=work), "reports/report.json",
                   "a link out of its folder", "--allow-outside")
    assert (work / "real" / "notes.txt").read_text() == "my notes\n"
    assert run("--allow-outside", "conflicts", "--output", "reports/report.json", cwd=work).returncode == 1
    assert "3 conflicts, 1 resolved" in (work / "real" / "notes.txt").read_text()
    assert not [p.name for p in work.rglob("*.tmp")]


def test_resolve_refuses_a_reason_that_is_not_utf8_and_says_why_it_cannot_write(work: Path, cli, monkeypatch) -> None:
    (work / "claims.toml").write_text(_four_conflicts(work))
    args = [KZFR, "resolve", "old-mill", "--accept", "1903", "--reason"]
    one_error_line(subprocess.run([*args, b"caf\xe9"], cwd=work, capture_output=True, text=True, timeout=120),
                   "--reason", "not UTF-8")

    def read_only_folder(*args: object, **kwargs: object) -> tuple[int, str]:  # root may write anywhere: simulated
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", read_only_folder)
    result = cli("resolve", "old-mill", "--accept", "1903", "--reason", "checked", cwd=work)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.endswith("/claims.toml: cannot write (permission denied)\n") and "\n" not in result.stderr[:-1]
    assert (work / "claims.toml").read_text() == _four_conflicts(work)


def test_file_names_that_are_not_utf8_are_shown_as_escapes(work: Path) -> None:
    (work / "docs").mkdir()
    (work / "docs" / "b.txt").write_text("The tower opened in 1890.\n")
    with open(os.path.join(os.fsencode(work / "docs"), b"caf\xe9.txt"), "wb") as named_in_latin_1:
        named_in_latin_1.write(b"The tower opened in 1889.\n")
    for fmt in ("text", "json", "markdown", "github", "sarif", "html"):
        result = run("conflicts", "docs", "--format", fmt, cwd=work)
        assert result.returncode == 1, (fmt, result.stderr)
        assert "caf\\xe9" in result.stdout.replace("\\\\", "\\"), fmt  # JSON and SARIF escape the backslash
    assert run("conflicts", "docs", "--format", "json", "--output", "report.json", cwd=work).returncode == 1


def test_sources_are_byte_identical_after_every_command(work: Path) -> None:
    shutil.copytree(SEEDS, work / "seeds")
    (work / "seeds" / "crlf.txt").write_bytes(PARTNERSHIP.format(year=2009).encode("utf-16"))
    (work / "seeds" / "legacy.md").write_bytes(RUSSIAN.encode("cp1251"))
    (work / "claims.toml").unlink()
    before = digest(work / "seeds")
    assert run("init", "seeds", cwd=work).returncode == 0
    for args in (["conflicts"], ["conflicts", "--format", "sarif", "--output", "out.sarif"], ["claims"],
                 ["claim", "strategic partnership"]):
        assert run(*args, cwd=work).returncode in (0, 1)
    assert digest(work / "seeds") == before


@pytest.mark.parametrize("args", [("conflicts", "--format", "json"), ("claims",)], ids=["json", "text"])
def test_a_reader_that_goes_away_ends_the_run_quietly(work: Path, args: tuple[str, ...]) -> None:
    """`kzfr-check ... | head`: stdout closed before anything is written is no error of ours: no message,
    the status a shell reports for a closed pipe."""
    read, write = os.pipe()
    os.close(read)  # nobody will read: the first write fails
    try:
        result = subprocess.run([KZFR, *args, str(SEEDS)], cwd=work, stdout=write, stderr=subprocess.PIPE, text=True,
                                timeout=120, check=False)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (141, "")
