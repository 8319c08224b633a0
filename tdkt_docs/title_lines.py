"""The lines of a centred title (trích yếu, the name of a meeting, the title of an annexed list), as a
careful clerk breaks them by hand: lines of even length, never a name split across two lines
("Ủy ban nhân / dân", "xã Tân / Lập", "năm / 2025"), never one word alone on the last line.

The lines are measured with the estimate of vn.text_width_cm and broken with explicit line breaks,
so Word and LibreOffice show the same lines. Balanced lines are well short of the full width, which
leaves room for the estimate being a little short of the font.
"""
from __future__ import annotations

from tdkt_docs.vn import text_width_cm

TEXT_WIDTH_CM = 16.5
# A line is kept under this share of the text width by the estimate: room for its error (bold
# text measures up to 4% wider than estimated in LibreOffice's Liberation Serif, Times' metrics).
FILL = 0.95

# Words a line must not split: bodies, units with their names, numbers with what they count.
_UNITS = ("xã", "phường", "thị trấn", "thị xã", "huyện", "quận", "tỉnh", "thành phố", "thôn", "bản", "xóm", "ấp",
          "tổ dân phố", "Thủ đô")
_PHRASES = ("Ủy ban nhân dân", "Uỷ ban nhân dân", "Hội đồng nhân dân", "Mặt trận Tổ quốc", "Chủ tịch",
            "Thi đua - Khen thưởng", "thi đua, khen thưởng", "Hội đồng Thi đua - Khen thưởng")
_NUMBERED = ("ngày", "tháng", "năm", "giai đoạn", "nhiệm kỳ", "số", "lần thứ")
# Words of two syllables the titles of this work use most: a line breaks between words, not inside
# one ("cá / nhân"), when the lines can still be even.
_WORDS = frozenset("""cá nhân|tập thể|thi đua|khen thưởng|thành tích|xuất sắc|phong trào|đoàn kết|xây dựng|
đời sống|văn hóa|văn hoá|đề nghị|công tác|kỷ niệm|hoạt động|nhiệm vụ|phương hướng|kết quả|tổ chức|địa bàn|
Giấy khen|Bằng khen|danh hiệu|lao động|tiên tiến|chiến sĩ|gia đình|sơ kết|tổng kết|triển khai|thực hiện|
kế hoạch|báo cáo|năm học|đầu năm|cuối năm|hội nghị|cuộc họp|biểu quyết|xét duyệt|công nhận|trao tặng|
điển hình|tiêu biểu|nông thôn|đô thị|kinh tế|xã hội|quốc phòng|an ninh|giáo dục|y tế|chuyển đổi|
giai đoạn|yêu nước|cơ quan|đơn vị|doanh nghiệp|người dân|hộ gia đình|cán bộ|công chức|viên chức|
học sinh|giáo viên|nhà trường|thanh niên|phụ nữ|nông dân|cựu chiến binh|ái quốc|lời kêu gọi|sáu tháng""".replace(
    "\n", "").split("|"))


def _capital(word: str) -> bool:
    core = word.lstrip("“\"'(«")
    return bool(core) and (core[0].isupper() or core[0].isdigit())


def _phrase_at(words: list[str], i: int, phrases) -> int:
    """How many words of one of `phrases` start at word i (0: none)."""
    for phrase in phrases:
        parts = phrase.split(" ")
        if [w.rstrip(",;:.”") for w in words[i:i + len(parts)]] == parts:
            return len(parts)
    return 0


def joined(words: list[str]) -> set[int]:
    """The spaces (after word i) a line must not break at."""
    glue: set[int] = set()
    for i in range(len(words) - 1):
        ends = words[i][-1:] in ",;:)”»"
        n = _phrase_at(words, i, _PHRASES)
        glue.update(range(i, i + n - 1))
        # "Chủ tịch Hồ Chí Minh", "Ủy ban nhân dân tỉnh"
        if n and i + n < len(words) and words[i + n - 1][-1:] not in ",;:" and (
                _capital(words[i + n]) or _phrase_at(words, i + n, _UNITS)):
            glue.add(i + n - 1)
        unit = _phrase_at(words, i, _UNITS)
        if unit and i + unit < len(words) and _capital(words[i + unit]):
            glue.update(range(i, i + unit))
        number = _phrase_at(words, i, _NUMBERED)
        if number and i + number < len(words) and words[i + number][:1].isdigit():
            glue.update(range(i, i + number))
        if words[i].isdigit() and words[i + 1] in ("tháng", "năm"):  # a date: "ngày 09 tháng 01 năm 2026"
            glue.add(i)
        # a proper name: words that each begin with a capital (not the title's first word)
        if i > 0 and not ends and _capital(words[i]) and _capital(words[i + 1]):
            glue.add(i)
    if len(words) > 2:
        glue.add(len(words) - 2)
    return glue


def _inside_words(words: list[str]) -> set[int]:
    """The spaces inside a two- or three-syllable word of _WORDS."""
    plain = [w.strip(",;:.“”\"'()«»").lower() for w in words]
    inside = set()
    for size in (2, 3):
        for i in range(len(words) - size + 1):
            if " ".join(plain[i:i + size]) in _LOWER_WORDS:
                inside.update(range(i, i + size - 1))
    return inside


_LOWER_WORDS = frozenset(w.lower() for w in _WORDS)


def balance(text: str, size_pt: float = 14, bold: bool = True, width_cm: float = TEXT_WIDTH_CM) -> str:
    """`text` with line breaks where a centred title of it should break; a title that fits on one
    line, or that the clerk broke by hand, is left as typed."""
    if "\n" in text:
        return text
    words = text.split()
    room = width_cm * FILL
    if text_width_cm(" ".join(words), size_pt, bold) <= room or len(words) < 3:
        return text
    names = joined(words)
    breaks = None
    # Names, numbers and words kept whole; if no even lines are left, names and numbers; at least
    # the last two words together.
    for glue in (names | _inside_words(words), names, {len(words) - 2}):
        breaks = _best_breaks(words, glue, size_pt, bold, room)
        if breaks is not None:
            break
    if breaks is None:
        return text
    if len(breaks) == 1:
        breaks = [_two_lines(words, glue, size_pt, bold, room)]
    lines, start = [], 0
    for end in breaks + [len(words)]:
        lines.append(" ".join(words[start:end]))
        start = end
    return "\n".join(lines)


# A second line reads best when it starts a phrase: a clerk breaks before "và", "của", "trong"...
_STARTS = ("và", "của", "về", "trong", "tại", "cho", "trên", "đối với", "theo", "giai đoạn", "nhân dịp")
PHRASE_BONUS_CM = 2.0


def _two_lines(words: list[str], glue: set[int], size_pt: float, bold: bool, room: float) -> int:
    """Where the second of two lines starts: lines as even as possible, a little less even when the
    second then starts a phrase or the first ends at a comma."""
    def score(k: int) -> float:
        first, second = " ".join(words[:k]), " ".join(words[k:])
        widest = max(text_width_cm(first, size_pt, bold), text_width_cm(second, size_pt, bold))
        phrase = _phrase_at(words, k, _STARTS) or words[k - 1].endswith(",")
        return widest - (PHRASE_BONUS_CM if phrase else 0.0)
    fits = [k for k in range(1, len(words)) if (k - 1) not in glue
            and text_width_cm(" ".join(words[:k]), size_pt, bold) <= room
            and text_width_cm(" ".join(words[k:]), size_pt, bold) <= room]
    return min(fits, key=score)


def _best_breaks(words: list[str], glue: set[int], size_pt: float, bold: bool, room: float) -> list[int] | None:
    """Where the lines start (word indexes): the fewest lines that fit in `room`, then the narrowest
    width that still holds them in as many lines (halving between the two), filled line by line."""
    groups, start = [], 0  # words that must stay on one line, as (first word, width)
    for i in range(len(words)):
        if i not in glue:
            groups.append((start, text_width_cm(" ".join(words[start:i + 1]), size_pt, bold)))
            start = i + 1
    space = text_width_cm(" ", size_pt, bold)
    fewest = _fill(groups, space, room)
    if fewest is None:
        return None
    low, high = max(w for _, w in groups), room
    for _ in range(30):
        middle = (low + high) / 2
        lines = _fill(groups, space, middle)
        if lines is not None and len(lines) <= len(fewest):
            high = middle
        else:
            low = middle
    return _fill(groups, space, high)


def _fill(groups: list[tuple[int, float]], space: float, width: float) -> list[int] | None:
    """The first word of each line after the first, lines filled up to `width`; None if a group is wider."""
    starts, used = [], None
    for first, w in groups:
        if w > width:
            return None
        if used is None:
            used = w
        elif used + space + w <= width:
            used += space + w
        else:
            starts.append(first)
            used = w
    return starts
