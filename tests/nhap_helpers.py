"""What the `tdkt nhap` tests share: the words of a DOCX as Word shows them, and how many of them
come back, in order, after import and rebuild (a recall and an excess, measured with difflib)."""
from __future__ import annotations

import difflib
from pathlib import Path

from award_helpers import run
from tdkt_docs.checker.check import analyse


def words(source: Path | bytes, bare: bool = False) -> list[str]:
    """Every word displayed, in reading order (Word's list numbers included, text in NFC); `bare`:
    without the punctuation around them, for text the program punctuates itself (a list of people)."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    doc, _ = analyse(data, "van-ban.docx")
    found = " ".join(p.text for p in doc.paras).split()
    if bare:
        found = [w.strip(",;.:-–") for w in found]
        found = [w for w in found if w]
    return found


def without(found: list[str], *phrases: str) -> list[str]:
    """The words with each phrase taken out wherever it stands: what the program deliberately prints
    differently (an award common to every row said once in the sentence, not in a column)."""
    out = list(found)
    for phrase in phrases:
        part = phrase.split()
        i = 0
        while i <= len(out) - len(part):
            if out[i:i + len(part)] == part:
                del out[i:i + len(part)]
            else:
                i += 1
    return out


def kept(original: list[str], rebuilt: list[str]) -> tuple[float, float]:
    """(share of the original's words found again in order, share of words added)."""
    matcher = difflib.SequenceMatcher(None, original, rebuilt, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    return same / len(original), (len(rebuilt) - same) / len(original)


def added(original: list[str], rebuilt: list[str]) -> list[str]:
    """The words of the rebuilt document that are not the original's, in order."""
    matcher = difflib.SequenceMatcher(None, original, rebuilt, autojunk=False)
    return [w for tag, _a, _b, c, d in matcher.get_opcodes() if tag in ("insert", "replace") for w in rebuilt[c:d]]


def round_trip(docx: Path, folder: Path) -> tuple[Path, Path, str]:
    """`tdkt nhap` then `tdkt build`: the YAML, the rebuilt DOCX and what nhap printed."""
    yaml_path = folder / (docx.stem + ".yaml")
    code, said = run("nhap", docx, "-o", yaml_path)
    assert code == 0, said
    out = folder / "ra"
    code, built = run("build", yaml_path, "-o", out)
    assert code == 0, built
    made = sorted(out.glob("*.docx"))
    assert len(made) == 1, made
    return yaml_path, made[0], said
