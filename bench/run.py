"""Benchmarks, headless — flatters: Pilot timings inside the app, the second view.
`bench/tmux_bench.py` times the installed command in a real terminal, as a person sees it.

Start-up against a bare Textual app, Today filled with data, hot queries and peak memory,
on the 10-year demo dataset (built once, cached in bench/.cache).

    python bench/run.py                 # 10-year figures
    python bench/run.py --years 100     # the 10x check

Prints one table and writes bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import HERE, dataset, env

RUNS = 7


def probe(kind: str, home: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(HERE / "probe.py"), kind],
        env=env(home), capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def median(kind: str, home: Path, key: str) -> float:
    return statistics.median(probe(kind, home)[key] for _ in range(RUNS))


JRNL_CONFIG = """\
colors: {body: none, date: none, tags: none, title: none}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%F %r'
version: v4.2
"""


def search_against_jrnl(home: Path) -> dict[str, float]:
    """`planner-tui search` against jrnl (from PyPI, in its own venv) on the same entries:
    the whole command each time, as a person runs it in a terminal; median of RUNS."""
    venv = HERE / ".cache" / "jrnl-venv"
    jrnl = venv / "bin" / "jrnl"
    if not jrnl.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "jrnl"], check=True)
    folder = HERE / ".cache" / f"jrnl-{home.name}"
    journal_file, config = folder / "journal.txt", folder / "jrnl.yaml"
    if not journal_file.exists():
        folder.mkdir(parents=True, exist_ok=True)
        export = subprocess.run(
            [sys.executable, str(HERE / "probe.py"), "jrnl-text"],
            env=env(home), capture_output=True, text=True, check=True,
        )  # fmt: skip
        journal_file.write_text(export.stdout, encoding="utf-8")
    config.write_text(JRNL_CONFIG.replace("{journal}", str(journal_file)), encoding="utf-8")

    def timed(command: list[str]) -> float:
        runs = []
        for _ in range(RUNS):
            began = time.perf_counter()
            subprocess.run(command, env=env(home), capture_output=True, check=True)
            runs.append(time.perf_counter() - began)
        return statistics.median(runs)

    ours = timed([sys.executable, "-m", "planner_tui", "search", "river", "--limit", "50"])
    theirs = timed([str(jrnl), "--config-file", str(config), "-contains", "river", "-n", "50"])
    return {
        "planner-tui search 'river' (s)": ours,
        "jrnl -contains river, same entries (s)": theirs,
    }


def vcard_reading(home: Path) -> dict[str, float]:
    """`planner-tui import FILE --preview` on a card with a 2 MB photo folded into 27,000
    lines, and on a 2.6 MB JSON file picked by mistake (its lines indented, so each reads
    as a fold): unfolding once added each line to all before it (9 s and 17 s, nu218)."""
    folder = HERE / ".cache" / "vcards"
    folder.mkdir(parents=True, exist_ok=True)
    photo = "".join(f" {'QUJD' * 19}\r\n" for _ in range(27_000))
    (folder / "photo.vcf").write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nPHOTO;ENCODING=b;TYPE=JPEG:\r\n{photo}"
        "END:VCARD\r\n", encoding="ascii",
    )  # fmt: skip
    lines = "".join(f'  "key {n}": "a value of some words",\n' for n in range(65_000))
    (folder / "export.vcf").write_text("{\n" + lines + "}\n", encoding="ascii")
    figures = {}
    for name, said in (("photo.vcf", "a 2 MB folded photo"), ("export.vcf", "2.6 MB of JSON")):
        runs = []
        for _ in range(RUNS):
            began = time.perf_counter()
            command = [sys.executable, "-m", "planner_tui", "import", str(folder / name)]
            subprocess.run([*command, "--preview"], env=env(home), capture_output=True)
            runs.append(time.perf_counter() - began)
        figures[f"vCard preview of {said} (s)"] = statistics.median(runs)
    return figures


def with_dates(home: Path) -> None:
    """A birthday for everyone on the map, once (the demo leaves dates out), so `today`
    has dates to look through as a real map would."""
    code = (
        "import random; from planner_tui.config import Settings; "
        "from planner_tui.commands.base import opened; from planner_tui.services import people\n"
        "with opened(Settings()) as db, db.write() as s:\n"
        "    folks = people.list_people(session=s, include_archived=True)\n"
        "    if not any(people.list_dates(session=s, person_id=p.id) for p in folks[:1]):\n"
        "        rng = random.Random(1)\n"
        "        for p in folks:\n"
        "            people.add_date(session=s, data={'person_id': p.id, 'label': 'birthday',"
        " 'month': rng.randint(1, 12), 'day': rng.randint(1, 28)})\n"
    )
    subprocess.run([sys.executable, "-c", code], env=env(home), check=True)


def today_against_version(home: Path) -> dict[str, float]:
    """`planner-tui today` as a shell's startup file runs it, beside `planner-tui --version`
    (the interpreter and the command line alone): whole commands, interleaved so both see
    the same load, median of RUNS (after one run that brings the schema up to date)."""
    with_dates(home)
    today = [sys.executable, "-m", "planner_tui", "today"]
    subprocess.run(today, env=env(home), capture_output=True, check=True)
    ours, version = [], []
    for _ in range(RUNS):
        for command, into in ((today, ours), ([*today[:-1], "--version"], version)):
            began = time.perf_counter()
            subprocess.run(command, env=env(home), capture_output=True, check=True)
            into.append(time.perf_counter() - began)
    return {
        "planner-tui today (ms, ≤ 150)": statistics.median(ours) * 1000,
        "planner-tui --version, same run (ms)": statistics.median(version) * 1000,
        "today / --version (≤ 2)": statistics.median(ours) / statistics.median(version),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    years = parser.parse_args().years
    home = dataset(years)
    figures: dict[str, float] = {}
    # Interleave runs so both apps see the same machine load.
    bare, first, filled = [], [], []
    for _ in range(RUNS):
        bare.append(probe("bare", home)["first_frame"])
        first.append(probe("app", home)["first_frame"])
        filled.append(probe("app", home)["today_filled"])
    bare_frame = statistics.median(bare)
    figures["bare first frame (s)"] = bare_frame
    figures["app first frame (s)"] = statistics.median(first)
    figures["Today filled (s)"] = statistics.median(filled)
    figures["first frame ratio (≤ 1.2)"] = figures["app first frame (s)"] / bare_frame
    figures["Today filled ratio (≤ 2.5)"] = figures["Today filled (s)"] / bare_frame
    queries = probe("queries", home)
    figures.update({f"{k} (ms)": v * 1000 for k, v in queries.items() if k != "peak_rss_mib"})
    figures["view switch p95 (ms, ≤ 50)"] = probe("switch", home)["p95"] * 1000
    seen = probe("map", home)
    figures[f"Map filled, {seen['rows']:.0f} people (ms)"] = seen["filled"] * 1000
    figures["Map filter keystroke p95 (ms, ≤ 50)"] = seen["filter_p95"] * 1000
    figures["Map list move p95 (ms, ≤ 50)"] = seen["move_p95"] * 1000
    figures["Journal search as you type p95 (ms, ≤ 50)"] = (
        probe("journal", home)["search_p95"] * 1000
    )
    seen = probe("review", home)
    figures["Review filled (ms)"] = seen["filled"] * 1000
    figures["Review ← / → another month p95 (ms)"] = seen["month_p95"] * 1000
    figures.update(search_against_jrnl(home))
    figures.update(vcard_reading(home))
    figures.update(today_against_version(home))
    figures["peak memory, app with Today (MiB)"] = probe("app", home)["peak_rss_mib"]
    rss = probe("forms", home)
    for form in ("person", "contact", "check-in", "plan wizard", "intentions"):
        grew = rss[f"{form} after 200"] - rss[f"{form} after 20"]
        figures[f"RSS growth, {form} form, 20 → 200 open/saves (MiB, ≤ 10)"] = grew
    width = max(len(k) for k in figures)
    print(f"\nplanner-tui benchmarks — {years}-year demo dataset")
    print(
        "  headless — flatters (Pilot, inside the app); bench/tmux_bench.py times a real terminal"
    )
    for key, value in figures.items():
        print(f"  {key:<{width}}  {value:10.3f}")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps({"years": years, **figures}, indent=1))


if __name__ == "__main__":
    main()
