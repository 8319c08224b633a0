"""The places an import was unsure of: each with its paragraph number, first words and why."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Note:
    index: int  # paragraph number in the DOCX (1-based, reading order)
    words: str
    why: str

    def __str__(self) -> str:
        where = f"đoạn {self.index}" if self.index else "văn bản"
        shown = f" «{self.words}»" if self.words else ""
        return f"{where}{shown}: {self.why}"


@dataclass
class Notes:
    items: list[Note] = field(default_factory=list)

    def warn(self, index: int, text: str, why: str) -> None:
        self.items.append(Note(index, first_words(text), why))


def first_words(text: str, count: int = 8) -> str:
    words = text.replace("*", "").split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")
