"""The English catalogue is complete: every source string (Vietnamese) has a checked English translation.

The .po files are parsed here directly (no polib): entries, flags, plural forms, obsolete entries.
"""

from __future__ import annotations

import ast
import gettext
import io
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locale"
EN_PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"
IGNORED = ["--ignore=.venv", "--ignore=var", "--ignore=tests", "--ignore=bench"]

HOW_TO_FIX = f"""
To fix, from the repository root:
  1. python manage.py makemessages -l en -l vi --no-wrap --no-location {" ".join(IGNORED)}
  2. in locale/en/LC_MESSAGES/django.po, write the English msgstr of every entry listed above (keep
     %(name)s / %s placeholders, %% and HTML exactly) and delete its "#, fuzzy" line once you have checked it;
     in locale/vi/LC_MESSAGES/django.po, copy each new msgid into its msgstr (Vietnamese is the source language)
  3. python manage.py compilemessages
  4. commit both .po and both .mo files."""


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)  # a singular entry has only msgstr[0]
    flags: set[str] = field(default_factory=set)
    line: int = 0

    def get(self, target: str | int) -> str:
        return self.msgstr[target] if isinstance(target, int) else getattr(self, target) or ""

    def set(self, target: str | int, value: str) -> None:
        if isinstance(target, int):
            self.msgstr[target] = value
        else:
            setattr(self, target, value)

    @property
    def key(self) -> str:
        return self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"

    def label(self, with_line: bool = True) -> str:
        context = f" [context {self.msgctxt!r}]" if self.msgctxt is not None else ""
        return (f"line {self.line}: " if with_line else "") + f"{self.msgid!r}{context}"


def parse_po(text: str) -> list[Entry]:
    """Every live entry of a .po file, header (msgid "") included; obsolete "#~" entries are left out."""
    entries: list[Entry] = []
    entry, target = Entry(), None  # target: the field that continuation lines ("...") extend

    def finish():
        nonlocal entry, target
        if target is not None:
            entries.append(entry)
        entry, target = Entry(), None

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            finish()
            continue
        if line.startswith("#"):
            if target is not None:  # a comment after the strings starts the next entry
                finish()
            if line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        keyword = re.match(r'(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")$', line)
        if keyword:
            name, index, literal = keyword.groups()
            if name in ("msgctxt", "msgid") and isinstance(target, int):  # a new entry without a blank line
                finish()
            if name in ("msgctxt", "msgid") and not entry.line:
                entry.line = number
            target = int(index or 0) if name == "msgstr" else name
            value = ast.literal_eval(literal)
        else:
            assert line.startswith('"') and target is not None, f"unexpected .po line {number}: {raw!r}"
            value = entry.get(target) + ast.literal_eval(line)
        entry.set(target, value)
    finish()
    return entries


def nplurals(entries: list[Entry]) -> int:
    header = next(e for e in entries if e.msgid == "" and e.msgctxt is None).msgstr[0]
    return int(re.search(r"nplurals\s*=\s*(\d+)", header).group(1))


def problems(entries: list[Entry], with_lines: bool = True) -> list[str]:
    """Entries that are fuzzy, untranslated, or lack one of the language's plural forms."""
    forms = nplurals(entries)
    found = []
    for e in entries:
        if e.msgid == "" and e.msgctxt is None:
            continue
        if "fuzzy" in e.flags:
            found.append(f"fuzzy        {e.label(with_lines)}")
        expected = range(forms) if e.msgid_plural is not None else range(1)
        if any(not e.msgstr.get(i) for i in expected):
            found.append(f"untranslated {e.label(with_lines)}")
    return found


def report(what: str, found: list[str]) -> str:
    return f"{len(found)} {what}:\n  " + "\n  ".join(found) + "\n" + HOW_TO_FIX


def test_the_parser_reads_flags_plurals_continuations_and_skips_obsolete_entries():
    entries = parse_po(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        '#, fuzzy, python-format\nmsgid "Chào %(n)s"\nmsgstr "Hello %(n)s"\n\n'
        'msgid ""\n"Dài "\n"lắm"\nmsgstr ""\n"Very "\n"long \\"quoted\\""\n\n'
        'msgctxt "nút"\nmsgid "%(n)s sao"\nmsgid_plural "%(n)s sao"\nmsgstr[0] "%(n)s star"\nmsgstr[1] ""\n\n'
        '#~ msgid "Cũ"\n#~ msgstr ""\n'
    )

    assert [e.msgid for e in entries] == ["", "Chào %(n)s", "Dài lắm", "%(n)s sao"]
    assert entries[2].msgstr == {0: 'Very long "quoted"'}
    assert entries[3].msgctxt == "nút" and entries[3].msgstr == {0: "%(n)s star", 1: ""}
    assert [p.split()[0] for p in problems(entries)] == ["fuzzy", "untranslated"]


def test_the_english_catalogue_has_no_untranslated_or_fuzzy_entry():
    entries = parse_po(EN_PO.read_text(encoding="utf-8"))

    assert len(entries) > 100, "the English catalogue looks empty"
    found = problems(entries)
    assert not found, report("entries of locale/en/LC_MESSAGES/django.po are untranslated or fuzzy", found)


PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-+ #0]*\d*(?:\.\d+)?[a-zA-Z%]")


def test_english_translations_keep_the_placeholders_of_their_source():
    found = []
    for e in parse_po(EN_PO.read_text(encoding="utf-8")):
        if not e.msgid or "python-format" not in e.flags:
            continue
        sources = [e.msgid] if e.msgid_plural is None else [e.msgid, e.msgid_plural]
        wanted = sorted(PLACEHOLDER.findall(sources[-1]))
        for index, text in e.msgstr.items():
            if text and sorted(PLACEHOLDER.findall(text)) != wanted:
                found.append(f"msgstr[{index}] {text!r} of {e.label()}")
    assert not found, report("English translations change their placeholders", found)


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_compiled_catalogue_is_up_to_date_with_its_po_file(language):
    directory = LOCALE / language / "LC_MESSAGES"
    with (directory / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    found = []
    for e in parse_po((directory / "django.po").read_text(encoding="utf-8")):
        if not e.msgid or "fuzzy" in e.flags:
            continue
        for index, text in e.msgstr.items():
            key = e.key if e.msgid_plural is None else (e.key, index)
            if text and compiled.get(key) != text:
                found.append(e.label())
                break
    assert not found, report(f"entries of locale/{language}/.../django.mo differ from django.po (compile it)", found)


def test_every_translatable_string_in_the_code_has_an_english_translation(tmp_path, settings, monkeypatch):
    """Extract the strings afresh (makemessages on a copy of the code) and check the merged catalogue.

    Catches strings added to templates or code after the catalogue was last updated.
    """
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.skip("GNU gettext is not installed (bin/apt-deps installs it)")
    skip = {".git", ".venv", "var", "tests", "bench", "locale", "node_modules", "media"}
    copy = tmp_path / "src"
    copy.mkdir()
    for item in ROOT.iterdir():
        if item.name in skip:
            continue
        if item.is_dir():
            shutil.copytree(item, copy / item.name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(item, copy / item.name)
    catalogue = copy / "locale" / "en" / "LC_MESSAGES"
    catalogue.mkdir(parents=True)
    shutil.copy2(EN_PO, catalogue / "django.po")
    settings.LOCALE_PATHS = [str(copy / "locale")]
    monkeypatch.chdir(copy)

    call_command("makemessages", locale=["en"], no_wrap=True, no_location=True, verbosity=0,
                 ignore_patterns=[p.removeprefix("--ignore=") for p in IGNORED], stdout=io.StringIO(),
                 stderr=io.StringIO())

    found = problems(parse_po((catalogue / "django.po").read_text(encoding="utf-8")), with_lines=False)
    assert not found, report("translatable strings in the code have no checked English translation", found)
