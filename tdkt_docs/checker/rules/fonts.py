"""Times New Roman in black everywhere (PL I.I.4), as Word resolves it for each character."""
from __future__ import annotations

from ..model import Document, Para
from . import Report

TNR = "times new roman"


def _font_for(ch: str, fmt) -> tuple[str, str]:
    # Word draws ASCII with the 'ascii' font and the other Latin letters (ă, ơ, ệ…) with 'hAnsi'.
    if ord(ch) < 128:
        return fmt.ascii, fmt.ascii_src
    return fmt.hansi, fmt.hansi_src


def _why(src: str, para: Para, doc: Document) -> str:
    style = doc.styles.name(para.style)
    if src.startswith("theme"):
        return (f" (phông của chủ đề (theme) «{src.split()[1]}», kế thừa qua kiểu «{style}» hoặc mặc định của văn "
                "bản; hãy đặt phông Times New Roman cho kiểu này)")
    return f" (kiểu đoạn «{style}»)" if style else ""


def check(doc: Document, rep: Report) -> None:
    paras = list(doc.paras)
    for story in doc.stories.values():
        paras.extend(story.paras)
    # A document has a few distinct formats shared by all its runs (a long table: thousands of runs,
    # one format): judge each format once. Keyed by id(): the runs keep their formats alive.
    verdicts: dict[int, tuple[bool, bool]] = {}
    for para in paras:
        text = para.text
        for a, b, fmt in para.segs:
            if fmt is None:
                continue
            verdict = verdicts.get(id(fmt))
            if verdict is None:
                verdict = verdicts[id(fmt)] = (fmt.color in ("auto", "000000"),
                                               fmt.ascii.lower() == TNR and fmt.hansi.lower() == TNR)
            black, tnr = verdict
            if not black and text[a:b].strip():
                rep.add("ND30.FONT.COLOR", para, f"chữ màu #{fmt.color}, cần màu đen", "màu đen (000000 hoặc Tự động)",
                        f"#{fmt.color}", group=(fmt.color,))
            if tnr:
                continue
            seen: set[str] = set()
            for ch in text[a:b]:
                if not ch.isalnum():
                    continue
                font, src = _font_for(ch, fmt)
                if font.lower() == TNR or font in seen:
                    continue
                seen.add(font)
                rep.add("ND30.FONT.FAMILY", para, f"chữ dùng phông {font}{_why(src, para, doc)}, cần Times New Roman",
                        "Times New Roman", font, group=(font,))
