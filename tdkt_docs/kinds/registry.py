"""The kinds the program knows, by the `loai:` of their YAML. A new kind is a model (model/), a
module here with its template (kinds/templates/) and one line below; nothing else changes."""
from __future__ import annotations

from typing import Callable

from pydantic import BaseModel

from tdkt_docs.input.loader import Loaded
from tdkt_docs.kinds import de_cuong, ho_so
from tdkt_docs.kinds.ke_hoach import ke_hoach
from tdkt_docs.kinds.rendering import Rendering

BUILDERS: dict[str, Callable[[BaseModel, Loaded | None], list[Rendering]]] = {
    "ke_hoach": ke_hoach,
    "de_cuong": de_cuong.de_cuong,
    "bao_cao": de_cuong.bao_cao,
    "to_trinh": ho_so.to_trinh_rieng,
    "bien_ban": ho_so.bien_ban_rieng,
    "ho_so": ho_so.ho_so,
    "quyet_dinh": ho_so.quyet_dinh_rieng,
}
