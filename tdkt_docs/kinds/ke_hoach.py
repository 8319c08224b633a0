"""Kế hoạch (ND30 Mẫu 1.4): the header, the numbered sections and, when the plan sends one, its đề cương."""
from __future__ import annotations

from tdkt_docs import vn
from tdkt_docs.input.loader import Loaded
from tdkt_docs.kinds import de_cuong, normalise
from tdkt_docs.kinds.rendering import Rendering, iso_date
from tdkt_docs.model import KeHoach


def ke_hoach(doc: KeHoach, loaded: Loaded | None) -> list[Rendering]:
    blocks = normalise.content_blocks(doc, loaded)
    context = normalise.header(doc, vn.TYPE_ABBR["ke_hoach"])
    context["khoi"] = blocks
    renderings = [Rendering("ke_hoach.docx", context, title=f"Kế hoạch - {doc.trich_yeu}"[:250],
                            date=iso_date(doc), creator=doc.co_quan.ten.replace("\n", " "))]
    if doc.de_cuong is not None:
        renderings.append(de_cuong.de_cuong_kem(doc, loaded))
    return renderings
