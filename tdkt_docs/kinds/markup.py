"""Inline markup in text fields, turned into WordprocessingML runs.

`**đậm**` is bold, `*nghiêng*` is italic, `\\*` is a literal asterisk and `\\\\` a literal backslash
(so any text can be wrapped in marks: escape its backslashes, then its asterisks). An asterisk
followed by a space is literal too, so the '* ' that clerks use as a marker before a sub-heading
stays as typed.
A line break inside a value becomes a line break in the paragraph, a tab a tab.
"""
from __future__ import annotations

import re

from markupsafe import Markup

# Characters XML 1.0 cannot hold; they arrive with text pasted from old Word files.
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ESCAPES = {"\\*": "*", "\\\\": "\\"}
_TOKEN = re.compile(r"\\\\|\\\*|\*\*(?=\S)|(?<=\S)\*\*|\*(?=[^\s*])|(?<=[^\s*])\*")
_BREAK_OR_TAB = re.compile(r"(\n|\t)")


def escape(text: str) -> str:
    """Text as XML character data: what xml.sax.saxutils.escape does, without its import of urllib,
    http and email (a sixth of the start-up of `tdkt build`)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def bad_xml_chars(text: str) -> list[str]:
    return _BAD_XML.findall(text)


def strip_bad_xml(text: str) -> str:
    return _BAD_XML.sub("", text)


def spans(text: str) -> list[tuple[str, bool, bool]]:
    """Split marked-up text into (text, bold, italic) spans; unmatched marks stay literal."""
    if "*" not in text:  # every mark has an asterisk; most text has none
        return [(text, False, False)] if text else []
    tokens = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            tokens.append(("t", text[pos:m.start()]))
        tokens.append(("m", m.group()))
        pos = m.end()
    if pos < len(text):
        tokens.append(("t", text[pos:]))
    # Pair marks: a mark with no partner later on is plain text.
    marks = [i for i, (k, v) in enumerate(tokens) if k == "m" and v not in _ESCAPES]
    active: dict[str, int] = {}
    paired: set[int] = set()
    for i in marks:
        v = tokens[i][1]
        if v in active:
            paired.add(active.pop(v))
            paired.add(i)
        else:
            active[v] = i
    out: list[tuple[str, bool, bool]] = []
    bold = italic = False
    for i, (k, v) in enumerate(tokens):
        if k == "m" and v in _ESCAPES:
            out.append((_ESCAPES[v], bold, italic))
        elif k == "m" and i in paired:
            if v == "**":
                bold = not bold
            else:
                italic = not italic
        else:
            out.append((v, bold, italic))
    merged: list[tuple[str, bool, bool]] = []
    for t, b, it in out:
        if merged and merged[-1][1] == b and merged[-1][2] == it:
            merged[-1] = (merged[-1][0] + t, b, it)
        elif t:
            merged.append((t, b, it))
    return merged


def plain(text: str) -> str:
    """The text a reader sees, without the markup."""
    return "".join(t for t, _, _ in spans(text))


def _run(text: str, bold: bool, italic: bool, extra: str = "") -> str:
    props = extra + ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    if "\n" not in text and "\t" not in text:  # nearly every text: one piece
        # str(): as the pieces of a split are, so a Markup is escaped like any text
        return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(str(text))}</w:t></w:r>' if text else f"<w:r>{rpr}</w:r>"
    parts = []
    for piece in _BREAK_OR_TAB.split(text):
        if piece == "\n":
            parts.append("<w:br/>")
        elif piece == "\t":
            parts.append("<w:tab/>")
        elif piece:
            parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


class Fragment(Markup):
    """Paragraphs or a table written whole by this program (a list of 2,000 nominees), every text in
    it escaped. The renderer checks where a template puts it, not again what is inside."""

    __slots__ = ()


def runs(text: str, bold: bool = False, italic: bool = False, markup: bool = True) -> Markup:
    """Run XML for `text`; `bold`/`italic` apply to all of it on top of the marks."""
    text = strip_bad_xml(text)
    if not markup:
        return Markup(_run(text, bold, italic))
    if "*" not in text:  # no marks: one run, or none for no text (a cell of a long table)
        return Markup(_run(text, bold, italic)) if text else Markup("")
    return Markup("".join(_run(t, b or bold, i or italic) for t, b, i in spans(text)))


def join(*parts: Markup) -> Markup:
    return Markup("").join(parts)
