"""Build the checker's test corpus: a good document rendered by the pipeline, and small XML edits
of it, each changing one thing."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Callable

from lxml import etree

from tdkt_docs.build.stages import prepare, render_all

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"w": W, "a": A}


def qn(tag: str) -> str:
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


def render(yaml_path: Path) -> bytes:
    _, _, renderings, _ = prepare(Path(yaml_path))
    return render_all(renderings)[0][1]


def edit(data: bytes, part: str, fn: Callable[[etree._Element], None]) -> bytes:
    """The DOCX with `fn` applied to the XML of one part (the zip otherwise unchanged)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(src.read(part))
    fn(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            payload = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) \
                if info.filename == part else src.read(info.filename)
            z.writestr(info, payload)
    return out.getvalue()


def frag(xml: str) -> etree._Element:
    return etree.fromstring(f'<root xmlns:w="{W}" xmlns:a="{A}">{xml}</root>')[0]


def text_of(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def paras(root) -> list:
    return list(root.iter(qn("w:p")))


def para(root, start: str):
    for p in paras(root):
        if text_of(p).startswith(start):
            return p
    raise AssertionError(f"no paragraph starts with {start!r}")


def set_text(p, new: str) -> None:
    ts = [t for t in p.iter(qn("w:t"))]
    first = next((t for t in ts if t.text), ts[0])
    for t in ts:
        t.text = new if t is first else ""


def map_text(p, fn: Callable[[str], str]) -> None:
    for t in p.iter(qn("w:t")):
        if t.text:
            t.text = fn(t.text)


def _set_child(parent, child) -> None:
    for old in parent.findall(child.tag):
        parent.remove(old)
    parent.append(child)


def run_prop(p, xml: str) -> None:
    """Direct formatting on every run of a paragraph."""
    for r in p.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        if rpr is None:
            rpr = etree.SubElement(r, qn("w:rPr"))
            r.remove(rpr)
            r.insert(0, rpr)
        _set_child(rpr, frag(xml))


def para_prop(p, xml: str) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.SubElement(p, qn("w:pPr"))
        p.remove(ppr)
        p.insert(0, ppr)
    _set_child(ppr, frag(xml))


def style(root, style_id: str):
    for st in root.iter(qn("w:style")):
        if st.get(qn("w:styleId")) == style_id:
            return st
    raise AssertionError(style_id)


def style_rpr(root, style_id: str, xml: str) -> None:
    st = style(root, style_id)
    rpr = st.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.SubElement(st, qn("w:rPr"))
    _set_child(rpr, frag(xml))


def style_ppr(root, style_id: str, xml: str) -> None:
    st = style(root, style_id)
    ppr = st.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.SubElement(st, qn("w:pPr"))
    _set_child(ppr, frag(xml))


def sect(root):
    return root.find(f".//{qn('w:body')}/{qn('w:sectPr')}")


def table_with(root, text: str):
    for tbl in root.iter(qn("w:tbl")):
        if any(text_of(p).startswith(text) for p in tbl.iter(qn("w:p"))):
            return tbl
    raise AssertionError(text)
