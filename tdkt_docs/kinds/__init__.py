"""Each document kind: its schema, its template and how its template values are computed.

A new kind is a model, a template and a `context` function here; the pipeline does not change.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from pydantic import BaseModel

from .. import normalise, vn
from ..loader import Loaded
from ..models import KeHoach

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass
class Rendering:
    """One DOCX to write: its template, the values to fill it with, and its file suffix."""

    template: str
    context: dict
    suffix: str = ""  # "" for the main document, e.g. ".de-cuong" for a companion
    title: str = ""
    date: str = "2000-01-01"
    creator: str = ""


def _iso(doc) -> str:
    n = doc.ngay
    return f"{n.nam:04d}-{(n.thang or 1):02d}-{(n.ngay or 1):02d}"


def ke_hoach(doc: KeHoach, loaded: Loaded | None) -> list[Rendering]:
    blocks = normalise.content_blocks(doc, loaded)
    context = normalise.header(doc, vn.TYPE_ABBR["ke_hoach"])
    context["khoi"] = blocks
    renderings = [Rendering("ke_hoach.docx", context, title=f"Kế hoạch - {doc.trich_yeu}"[:250],
                            date=_iso(doc), creator=doc.co_quan.ten.replace("\n", " "))]
    if doc.de_cuong is not None:
        renderings.append(de_cuong.de_cuong_kem(doc, loaded))
    return renderings


# The other kinds live in their own modules, which use Rendering above.
from .. import de_cuong, ho_so  # noqa: E402

BUILDERS: dict[str, Callable[[BaseModel, Loaded | None], list[Rendering]]] = {
    "ke_hoach": ke_hoach,
    "de_cuong": de_cuong.de_cuong,
    "bao_cao": de_cuong.bao_cao,
    "to_trinh": ho_so.to_trinh_rieng,
    "bien_ban": ho_so.bien_ban_rieng,
    "ho_so": ho_so.ho_so,
}
