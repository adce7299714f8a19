"""Regenerate the jrnl files that the real jrnl program writes, and jrnl's own reading of
every plain journal here (``expected/NAME.json``, from ``jrnl --export json``).

Run with a Python that has jrnl installed (not this project's venv), from anywhere:

    python3 -m venv /tmp/jrnl-venv && /tmp/jrnl-venv/bin/pip install jrnl==4.6
    /tmp/jrnl-venv/bin/python tests/data/jrnl/make_corpus.py

The hand-written journals (onefile, little-endian, legacy-1.9) are kept as they are; the
files made here are ampm.journal, folder/, the encrypted-* files and expected/.
"""

from __future__ import annotations

import hashlib
import os
import plistlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
JRNL = [sys.executable, "-m", "jrnl"]
PASSWORD = "correct horse"

CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '{timeformat}'
version: v4.6
"""

WRITTEN = [
    "2026-10-02 08:30: Said good morning to the baker by name. She remembered mine.",
    "2026-10-02 19:45: Board game night at the library. *\n\nThree strangers, one "
    "very long game of @Catan. One of them is @Priya, she runs the Thursday group.\n"
    "I might go again. #games",
    "2026-10-04 10:00: Quiet Sunday.\nNo plans, and that felt fine today.",
    "2026-11-01 17:20: Wrote to @Ana to say thank you for the soup days.\n"
    "She wrote back within the hour! @volunteering",
]


def config(tmp: Path, journal: str, timeformat: str) -> Path:
    path = tmp / f"config-{hashlib.sha1(journal.encode()).hexdigest()[:8]}.yaml"
    path.write_text(CONFIG.format(journal=journal, timeformat=timeformat), encoding="utf-8")
    return path


def jrnl(cfg: Path, *args: str, stdin: str | None = None) -> str:
    env = {**os.environ, "TZ": "Europe/London", "NO_COLOR": "1"}
    result = subprocess.run(
        [*JRNL, "--config-file", str(cfg), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return result.stdout


def write_entries(cfg: Path) -> None:
    for text in WRITTEN:
        jrnl(cfg, stdin=text + "\n")


def encrypted(tmp: Path) -> None:
    from jrnl.encryption.Jrnlv2Encryption import Jrnlv2Encryption
    from jrnl.encryption.Jrnlv3Encryption import Jrnlv3Encryption

    plain = (HERE / "onefile.journal").read_text(encoding="utf-8")
    box3 = Jrnlv3Encryption("default", {"encrypt": True})
    box3.password = PASSWORD
    (HERE / "encrypted-v3.journal").write_bytes(box3.encrypt(plain))
    # jrnl 4.6 reads but no longer writes v2 (a Fernet token): make one with jrnl's own key
    from cryptography.fernet import Fernet

    box2 = Jrnlv2Encryption("default", {"encrypt": True})
    box2.password = PASSWORD
    token = Fernet(box2._key).encrypt(plain.encode())
    (HERE / "encrypted-v2.journal").write_bytes(token)
    assert box2.decrypt(token) == plain  # jrnl reads it back
    # jrnl 1.x (the "v1" files jrnl still reads): 16-byte IV, then AES-256-CBC (PKCS7) with
    # the SHA-256 of the password as key. jrnl no longer writes these, so this does.
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    iv = hashlib.sha256(b"fixed iv for a reproducible file").digest()[:16]
    key = hashlib.sha256(PASSWORD.encode()).digest()
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain.encode()) + padder.finalize()
    box = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    data = iv + box.update(padded) + box.finalize()
    (HERE / "encrypted-v1.journal").write_bytes(data)
    from jrnl.encryption.Jrnlv1Encryption import Jrnlv1Encryption

    box1 = Jrnlv1Encryption("default", {"encrypt": True})
    box1.password = PASSWORD
    assert box1.decrypt(data) == plain  # jrnl reads it back


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        ampm = HERE / "ampm.journal"
        ampm.unlink(missing_ok=True)
        write_entries(config(tmp, str(ampm), "%F %r"))

        folder = HERE / "folder"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        write_entries(config(tmp, str(folder) + "/", "%Y-%m-%d %H:%M"))
        # files jrnl leaves out of a folder journal (and so must we)
        (folder / "notes.txt").write_text("[2026-10-05 10:00] Not an entry file.\n")
        (folder / "2026" / "readme.txt").write_text("[2026-10-06 10:00] Nor this.\n")
        (folder / "2026" / "10" / "ideas.txt").write_text("[2026-10-07 10:00] Nor this.\n")

        dayone = HERE / "dayone-classic.dayone"
        shutil.rmtree(dayone, ignore_errors=True)
        (dayone / "entries").mkdir(parents=True)
        write_entries(config(tmp, str(dayone) + "/", "%Y-%m-%d %H:%M"))
        for entry in (dayone / "entries").glob("*.doentry"):
            item = plistlib.loads(entry.read_bytes())
            item["Creator"].update({"Host Name": "host", "OS Agent": "Linux"})
            entry.write_bytes(plistlib.dumps(item))

        encrypted(tmp)

        expected = HERE / "expected"
        expected.mkdir(exist_ok=True)
        for journal, timeformat in (
            ("onefile.journal", "%Y-%m-%d %H:%M"),
            ("little-endian.journal", "%d.%m.%Y %H:%M"),
            ("ampm.journal", "%F %r"),
            ("mostly-readable-dates.journal", "%Y-%m-%d %H:%M"),
            ("folder", "%Y-%m-%d %H:%M"),
            ("dayone-classic.dayone", "%Y-%m-%d %H:%M"),
        ):
            # jrnl may rewrite a journal it reads: read a copy
            copy = tmp / journal
            folder_like = (HERE / journal).is_dir()
            if folder_like:
                shutil.copytree(HERE / journal, copy)
            else:
                shutil.copy(HERE / journal, copy)
            cfg = config(tmp, str(copy) + ("/" if folder_like else ""), timeformat)
            (expected / f"{journal.split('.')[0]}.json").write_text(
                jrnl(cfg, "--export", "json"), encoding="utf-8"
            )


if __name__ == "__main__":
    main()
