"""Lists kept in a spreadsheet: a YAML list may be written as `{tep: de-nghi.xlsx}` (or .csv) and is
read from that file, beside the YAML, before the schema is checked.

Clerks keep nominee lists and council members in Excel, so the spreadsheet is read as they make it:
the header row may sit under a title, columns are found by their usual Vietnamese names, extra
columns (STT, Ghi chú, ...) are ignored, and rows with nothing in the known columns are skipped.
Every value keeps its place (file, row, column), so a later message points at the cell to fix.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path
from typing import Any, Sequence

from tdkt_docs.errors import InputError, Problem
from tdkt_docs.input.loader import Loaded, display_path, dotted
from tdkt_docs.input.sheet_cells import Column, Sheet, column_letter, spelled_number, votes_missing  # noqa: F401

MAX_ROWS = 5000
HEADER_SEARCH = 20  # a title and a few blank lines may sit above the header row


NOMINEE = (
    Column("ten", ("Họ và tên / Tên tập thể", "Họ và tên", "Họ tên", "Tên tập thể", "Tên đơn vị", "Tên hộ",
                   "Chủ hộ", "Tên", "ten"), required=True),
    Column("chuc_vu_don_vi", ("Chức vụ, đơn vị", "Chức vụ, đơn vị công tác", "Chức vụ", "Đơn vị",
                              "Đơn vị công tác", "Địa chỉ", "chuc_vu_don_vi")),
    Column("hinh_thuc", ("Hình thức khen thưởng", "Hình thức đề nghị", "Hình thức đề nghị khen thưởng",
                         "Hình thức", "Danh hiệu", "Danh hiệu đề nghị", "hinh_thuc")),
    Column("dong_y", ("Số phiếu đồng ý", "Phiếu đồng ý", "Đồng ý", "Số đồng ý", "dong_y")),
    Column("bieu_quyet", ("Hình thức biểu quyết", "Biểu quyết", "bieu_quyet")),
)
MEMBER = (
    Column("ho_ten", ("Họ và tên", "Họ tên", "ho_ten"), required=True),
    Column("chuc_vu", ("Chức vụ", "Chức vụ, đơn vị", "Chức vụ công tác", "chuc_vu")),
    Column("vai_tro", ("Vai trò", "Vai trò trong Hội đồng", "Chức danh trong Hội đồng", "Chức danh Hội đồng",
                       "vai_tro"), required=True),
    Column("vang", ("Lý do vắng", "Vắng", "Vắng mặt", "vang")),
)
# The lists that may come from a spreadsheet, by their YAML key.
SPECS: dict[str, tuple[Column, ...]] = {"tap_the": NOMINEE, "ca_nhan": NOMINEE, "ho_gia_dinh": NOMINEE,
                                        "thanh_vien": MEMBER}
REF_KEYS = {"tep", "trang"}


def _norm(text: Any) -> str:
    value = unicodedata.normalize("NFC", str(text)).casefold()
    value = re.sub(r"\s*/\s*", " / ", value)
    value = re.sub(r"\s+", " ", value).strip(" :*.")
    return value


_LABELS = {key: {_norm(label): col for col in cols for label in col.labels} for key, cols in SPECS.items()}


def is_reference(value: Any) -> bool:
    return isinstance(value, dict) and "tep" in value and set(value) <= REF_KEYS


def expand(loaded: Loaded, folder: Path) -> None:
    """Replace every `{tep: ...}` list in `loaded.data` by the rows of its spreadsheet, in place."""
    problems = read_sheets(loaded, folder)
    if problems:
        raise InputError(problems)


def read_sheets(loaded: Loaded, folder: Path) -> list[Problem]:
    """Like `expand`, but the problems of every sheet are returned, to be told with the YAML's own.

    A list read with problems keeps its good rows, so the schema check still sees the rest of the file;
    the sheet's problems then stand for those rows (see `sheet_cells.merge`)."""
    problems: list[Problem] = []
    _walk(loaded.data, (), loaded, folder, problems)
    return problems


# A function of the module, not one nested in expand: a nested function that calls itself is a
# reference cycle, which would keep the whole document alive until the cycle collector runs.
def _walk(node: Any, path: tuple, loaded: Loaded, folder: Path, problems: list[Problem]) -> None:
    if isinstance(node, dict):
        for key, value in list(node.items()):
            here = path + (key,)
            if is_reference(value):
                try:
                    node[key] = _read(loaded, here, folder, problems)
                except InputError as exc:
                    problems.extend(exc.problems)
                    # The list could not be read: what the schema would say of it is beside the point.
                    node[key] = []
                    loaded.sheets.setdefault(dotted(here), Sheet("", None, (), failed=True))
            else:
                _walk(value, here, loaded, folder, problems)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _walk(value, path + (i,), loaded, folder, problems)


def _yaml_problem(loaded: Loaded, path: tuple, message: str) -> InputError:
    file, line, col = loaded.locate(path)
    return InputError(Problem(file, message, line, col, dotted(path)))


def _read(loaded: Loaded, path: tuple, folder: Path, problems: list[Problem]) -> list[dict]:
    key = path[-1]
    ref = loaded.data
    for part in path:
        ref = ref[part]
    if key not in SPECS:
        raise _yaml_problem(loaded, path, "chỉ các danh sách " + ", ".join(SPECS) + " lấy được từ bảng tính")
    name = ref.get("tep")
    if not isinstance(name, str) or not name.strip():
        raise _yaml_problem(loaded, path + ("tep",), "cần tên tệp bảng tính, ví dụ 'tep: danh-sach.xlsx'")
    source = folder / name.strip()
    shown = display_path(source)
    suffix = source.suffix.lower()
    if suffix == ".xls":
        raise _yaml_problem(loaded, path + ("tep",), f"tệp '{name}' là định dạng Excel cũ (.xls); hãy mở bằng Excel, "
                            "chọn Lưu thành (Save As) dạng .xlsx rồi ghi tên tệp mới vào đây")
    if suffix not in (".xlsx", ".xlsm", ".csv"):
        raise _yaml_problem(loaded, path + ("tep",), f"tệp '{name}' không phải bảng tính .xlsx hoặc .csv")
    if not source.is_file():
        raise _yaml_problem(loaded, path + ("tep",), f"không tìm thấy tệp bảng tính '{name}' (tìm tại {shown}); "
                            "hãy đặt tệp cạnh tệp YAML hoặc sửa lại tên")
    sheet = ref.get("trang")
    if suffix == ".csv":
        title, rows = None, _csv_rows(source, shown, _LABELS[key])
    else:
        title, rows = _xlsx_rows(source, shown, None if sheet is None else str(sheet), loaded, path)
    return _records(rows, Sheet(shown, title, SPECS[key]), loaded, path, problems)


# The rows of the workbooks read lately, by their bytes and the sheet asked for. A batch names the
# same list (the council's members, a district's nominees) from document after document, and
# opening a workbook costs more than the rest of preparing a document; bytes that are the same give
# the same rows, so an edited file is always read again. A few workbooks are kept, the oldest goes.
_BOOKS: dict[tuple[bytes, str | None], tuple[str, tuple[tuple[Any, ...], ...]]] = {}
_BOOKS_KEPT = 4


def _xlsx_rows(source: Path, shown: str, sheet: str | None, loaded: Loaded,
               path: tuple) -> tuple[str, tuple[tuple[Any, ...], ...]]:
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise InputError(_unreadable(shown, exc)) from None
    key = (data, sheet)
    rows = _BOOKS.get(key)
    if rows is None:
        rows = _read_book(data, shown, sheet, loaded, path)
        if len(_BOOKS) >= _BOOKS_KEPT:
            del _BOOKS[next(iter(_BOOKS))]
        _BOOKS[key] = rows
    return rows


def _unreadable(shown: str, exc: Exception) -> Problem:
    return Problem(shown, "không đọc được tệp như bảng tính Excel (.xlsx): tệp bị hỏng hoặc không "
                   f"phải .xlsx ({exc.__class__.__name__}); hãy mở bằng Excel và lưu lại dạng .xlsx")


def _read_book(data: bytes, shown: str, sheet: str | None, loaded: Loaded,
               path: tuple) -> tuple[str, tuple[tuple[Any, ...], ...]]:
    """The name and rows of a sheet (the first when `sheet` is None), as tuples: they may be shared."""
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(_unreadable(shown, exc)) from None
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            raise _yaml_problem(loaded, path + ("trang",), f"tệp {shown} không có trang tính '{sheet}'; "
                                "các trang: " + ", ".join(book.sheetnames))
        rows = []
        for row in ws.iter_rows(values_only=True):
            rows.append(tuple(row))
            if len(rows) > MAX_ROWS + HEADER_SEARCH:
                raise InputError(Problem(shown, f"bảng tính quá dài (hơn {MAX_ROWS} dòng); hãy tách thành nhiều tệp"))
        return ws.title, tuple(rows)
    finally:
        book.close()


def _csv_rows(source: Path, shown: str, labels: dict) -> list[list[Any]]:
    from tdkt_docs.input.encoding import decode

    text = decode(source.read_bytes(), shown)

    # Excel writes ',' or ';' (by the computer's language settings), and headers such as "Chức vụ, đơn vị"
    # hold commas themselves: the separator is the one whose split finds the most known column names.
    def known(rows: list[list[str]]) -> int:
        return max((sum(_norm(c) in labels for c in row) for row in rows[:HEADER_SEARCH]), default=0)

    candidates = [list(csv.reader(io.StringIO(text), delimiter=d)) for d in (";", ",", "\t")]
    rows = max(candidates, key=known)
    if len(rows) > MAX_ROWS + HEADER_SEARCH:
        raise InputError(Problem(shown, f"bảng tính quá dài (hơn {MAX_ROWS} dòng); hãy tách thành nhiều tệp"))
    return rows


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).strip()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _records(rows: Sequence[Sequence[Any]], sheet: Sheet, loaded: Loaded, path: tuple,
             problems: list[Problem]) -> list[dict]:
    """The rows under the header as records; a bad cell is a problem in `problems`, its row kept without it."""
    spec, columns, shown = _LABELS[path[-1]], sheet.spec, sheet.shown
    header_at = None
    for number, row in enumerate(rows[:HEADER_SEARCH], 1):
        if any(not _blank(cell) and _norm(cell) in spec for cell in row):
            header_at = number
            break
    wanted = ", ".join(f"'{c.shown}'" for c in columns)
    if header_at is None:
        raise InputError(Problem(shown, f"{sheet.named()}không tìm thấy dòng tên cột; dòng đầu bảng cần có các cột "
                                 f"{wanted}", line=1))
    header = rows[header_at - 1]
    mapping: list[tuple[int, Column]] = []
    for index, cell in enumerate(header):
        if not _blank(cell) and _norm(cell) in spec:
            mapping.append((index, spec[_norm(cell)]))
            sheet.columns.setdefault(spec[_norm(cell)].key, (index + 1, str(cell).strip()))
    sheet.header_at = header_at
    loaded.sheets[dotted(path)] = sheet
    missing = []
    for col in columns:
        if col.required and col.key not in sheet.columns:
            present = ", ".join(f"'{c}'" for c in header if not _blank(c)) or "(trống)"
            others = ", ".join(f"'{label}'" for label in col.labels[1:-1])
            missing.append(Problem(shown, f"{sheet.named()}thiếu cột '{col.shown}' (hoặc {others}); dòng tên cột "
                                   f"(dòng {header_at}) đang có: {present}", line=header_at, field=dotted(path)))
    if missing:
        raise InputError(missing)
    records: list[dict] = []
    for number, row in enumerate(rows[header_at:], header_at + 1):
        cells = {index: _clean(row[index]) if index < len(row) else None for index, _ in mapping}
        if all(_blank(v) for v in cells.values()):
            continue
        here = path + (len(records),)
        record = _record(cells, mapping, sheet, number, loaded, here, problems)
        loaded.where[here] = (shown, number, mapping[0][0] + 1)
        records.append(record)
    if not records:
        raise InputError(Problem(shown, f"{sheet.named()}bảng tính chưa có dòng nào dưới dòng tên cột "
                                 f"(dòng {header_at})", line=header_at, field=dotted(path)))
    problems.extend(votes_missing(loaded, path, records, sheet, problems))
    return records


def _record(cells: dict[int, Any], mapping: list[tuple[int, Column]], sheet: Sheet, number: int, loaded: Loaded,
            here: tuple, problems: list[Problem]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for index, col in mapping:
        value = cells[index]
        loaded.where.setdefault(here + (col.key,), (sheet.shown, number, index + 1))
        if _blank(value):
            continue
        if col.key == "dong_y" and not _is_count(value):
            problems.append(Problem(sheet.shown, f"{sheet.cell('dong_y', number)} đang ghi '{value}', không phải "
                                    f"một số; hãy gõ số phiếu bằng chữ số, ví dụ {spelled_number(value) or 9}",
                                    number, index + 1, dotted(here + (col.key,))))
            continue
        if col.key in record:  # two columns for one field ('Chức vụ' and 'Đơn vị'): read together
            record[col.key] = f"{record[col.key]}, {value}"
        else:
            record[col.key] = value
    for col in sheet.spec:
        if col.required and col.key not in record:
            index = sheet.columns[col.key][0]
            problems.append(Problem(sheet.shown, f"{sheet.cell(col.key, number)} đang để trống; hãy điền, hoặc xóa "
                                    "cả dòng nếu dòng này thừa", number, index, dotted(here + (col.key,))))
    return record


def _is_count(value: Any) -> bool:
    # A .csv hands over text: '9' is a count the schema reads as 9.
    if isinstance(value, str):
        return value.isascii() and value.isdigit()
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
