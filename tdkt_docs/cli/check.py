"""`tdkt check`: the command's body. cli.py registers it; the checker is imported only when it runs."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tdkt_docs.cli.vietnamese import Command

CONTEXT = {"help_option_names": ["-h", "--help"]}
UNREADABLE = "DOCX.UNREADABLE"


def _collect(raw: tuple[str, ...]) -> list[Path]:
    files: list[Path] = []
    for item in raw:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.docx") if p.is_file() and not p.name.startswith(("~$", "."))
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                click.echo(f"{item}: thư mục không có tệp .docx nào", err=True)
            files.extend(found)
        else:
            files.append(path)
    return files


def make_check_command(guard):
    @click.command("check", cls=Command, context_settings=CONTEXT)
    @click.argument("paths", nargs=-1, required=True, metavar="TỆP.docx...")
    @click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (một danh sách) cho chương trình khác đọc.")
    @click.option("--strict", is_flag=True, help="Coi cả cảnh báo và mục «không đánh giá được» là chưa đạt.")
    @guard
    def check(paths: tuple[str, ...], as_json: bool, strict: bool) -> None:
        """Kiểm tra thể thức văn bản DOCX theo Nghị định 30/2020/NĐ-CP.

        Dùng cho văn bản do chương trình tạo và cả văn bản tự soạn bằng Word. Mỗi dòng kết quả cho biết
        quy tắc, điều khoản của Nghị định, đoạn văn (thứ tự đoạn, tính cả đoạn trống và đoạn trong
        bảng) cùng mấy chữ đầu của đoạn, điều cần sửa, điều cần có và điều đang có.
        Có thể đưa vào một thư mục: mọi tệp .docx trong đó được kiểm tra.

        Mã thoát: 0 khi không có lỗi (với --strict: không có cả cảnh báo), 1 khi có lỗi hoặc tệp không
        đọc được, 2 khi gọi lệnh sai.
        """
        from tdkt_docs.input.loader import display_path
        from tdkt_docs.checker import ERROR, DocxError
        from tdkt_docs.checker.check import analyse, findings_of, not_nd30
        from tdkt_docs.checker.findings import count

        files = _collect(paths)
        if not files:
            sys.exit(1)
        ok = True
        items: list[dict] = []
        for path in files:
            shown = display_path(path)
            try:
                if path.suffix.lower() in (".yaml", ".yml") and path.is_file():
                    raise _yaml_given(shown)
                doc, lay = analyse(path, name=shown)
                reason = not_nd30(doc)
                if reason is not None:
                    if not as_json:
                        click.echo(f"– {shown}: {reason}")
                    continue
                findings = findings_of(doc, lay)
            except DocxError as exc:
                ok = False
                message = exc.problems[0].message if exc.problems else str(exc)
                if as_json:
                    items.append({"file": shown, "rule": UNREADABLE, "ref": "", "severity": ERROR, "paragraph": None,
                                  "quote": "", "expected": "tệp Word (.docx)", "found": "", "message": message,
                                  "also": []})
                else:
                    click.echo(f"✗ {shown}: {message}", err=True)
                continue
            errors = count(findings, "error")
            others = len(findings) - errors
            if errors or (strict and others):
                ok = False
            if as_json:
                items.extend({"file": shown, **f.to_dict()} for f in findings)
                continue
            for f in findings:
                click.echo(f.line(shown))
            click.echo(_summary(shown, findings, strict))
        if as_json:
            click.echo(json.dumps(items, ensure_ascii=False, indent=2))
        sys.exit(0 if ok else 1)

    return check


def _summary(shown: str, findings, strict: bool) -> str:
    from tdkt_docs.checker.findings import count

    errors, warnings, unknown = (count(findings, s) for s in ("error", "warning", "unevaluable"))
    parts = []
    if errors:
        parts.append(f"{errors} lỗi")
    if warnings:
        parts.append(f"{warnings} cảnh báo")
    if unknown:
        parts.append(f"{unknown} mục không đánh giá được")
    if errors or (strict and parts):
        return f"✗ {shown}: {', '.join(parts)}"
    if parts:
        return f"✓ {shown}: không có lỗi thể thức ({', '.join(parts)})"
    return f"✓ {shown}: đúng thể thức Nghị định 30/2020/NĐ-CP"


def _yaml_given(shown: str):
    # A clerk who wants to know whether a YAML file will make a valid document runs `validate`, which
    # renders it and applies these same ND30 checks before anything is written.
    from tdkt_docs.checker import DocxError
    from tdkt_docs.cli import _tdkt
    from tdkt_docs.errors import Problem

    return DocxError(Problem(shown, "đây là tệp YAML (dữ liệu để tạo văn bản), không phải văn bản Word; lệnh check "
                             f"kiểm tra tệp .docx. Để kiểm tra tệp YAML, cả thể thức văn bản sẽ tạo ra, hãy chạy: "
                             f"{_tdkt()} validate {shown}"))
