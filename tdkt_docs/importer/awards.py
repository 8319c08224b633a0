"""Tờ trình and biên bản: their header and closing as every kind, their nominee and member tables
back into lists; filled in below."""
from __future__ import annotations

MAPPERS: dict = {}
