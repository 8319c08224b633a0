"""Warnings on the header a clerk typed: what the program leaves out and why, at the line typed."""
from __future__ import annotations

from pydantic import BaseModel

from tdkt_docs import vn
from tdkt_docs.errors import Problem
from tdkt_docs.input.loader import Loaded, dotted
from tdkt_docs.model.fields import CoQuan


def _issuers(model: BaseModel, path: tuple = ()):
    """Every co_quan of a document, with its path (a dossier has one per part)."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, CoQuan):
            yield path + (name,), value
        elif isinstance(value, BaseModel):
            yield from _issuers(value, path + (name,))


def chu_quan_warnings(doc: BaseModel, loaded: Loaded) -> list[Problem]:
    """A chủ quản line above a UBND or HĐND is not printed (ND30 shows none); the clerk is told where
    it was typed and how to keep it, so nothing they typed disappears without a word."""
    out = []
    for path, co_quan in _issuers(doc):
        if co_quan.chu_quan and not co_quan.giu_chu_quan and vn.is_council(co_quan.ten, co_quan.viet_tat):
            here = path + ("chu_quan",)
            file, line, col = loaded.locate(here)
            out.append(Problem(
                file, f"dòng cơ quan chủ quản '{co_quan.chu_quan}' không được in: Ủy ban nhân dân, Hội đồng nhân "
                "dân không ghi cơ quan chủ quản phía trên tên mình (Nghị định 30, Phụ lục I, mục II.2). Hãy xóa "
                "dòng 'chu_quan' này; nếu vẫn cần in, thêm 'giu_chu_quan: true' trong 'co_quan'",
                line, col, dotted(here), severity="warning"))
    return out
