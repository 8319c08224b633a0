"""`tdkt nhap`: the command's body. cli/__init__.py registers it; the importer is loaded only when it runs."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from tdkt_docs.cli.vietnamese import Command

CONTEXT = {"help_option_names": ["-h", "--help"]}


def make_nhap_command(guard, problems, tdkt):
    @click.command("nhap", cls=Command, context_settings=CONTEXT)
    @click.argument("file", metavar="TỆP.docx")
    @click.option("-o", "--output", "out_file", metavar="TỆP.yaml",
                  help="Tên tệp YAML ghi ra (mặc định: cùng tên với tệp Word, đuôi .yaml, đặt cạnh tệp Word).")
    @click.option("--nam", "year", type=click.IntRange(1900, 2200), metavar="NĂM",
                  help="Chuyển luôn sang năm mới như `tdkt rollover`: ngày ký thành dự thảo của năm này, "
                       "bỏ số văn bản, liệt kê những chỗ năm viết thẳng trong nội dung.")
    @click.option("--ghi-de", "overwrite", is_flag=True, help="Ghi đè tệp YAML đã có.")
    @guard
    def nhap(file: str, out_file: str | None, year: int | None, overwrite: bool) -> None:
        """Đọc một văn bản Word (.docx) và ghi ra tệp YAML cùng loại để tạo lại văn bản.

        Dùng được cho kế hoạch, đề cương báo cáo, báo cáo, tờ trình và biên bản, do chương trình tạo
        hay tự soạn bằng Word. Số thứ tự I., 1., a) và dấu -, + thành các mục lồng nhau; chữ đậm,
        nghiêng thành **...**, *...*; bảng thành 'bang'. Chỗ nào chưa chắc chắn được liệt kê kèm số đoạn.
        """
        from tdkt_docs.errors import TdktError
        from tdkt_docs.build.files import Job, shown
        from tdkt_docs.build import validate_one
        from tdkt_docs.importer.save import import_file

        source = Path(file)
        if not source.is_file():
            raise click.UsageError(f"không tìm thấy tệp '{file}'; hãy kiểm tra lại đường dẫn")
        try:
            saved = import_file(source, Path(out_file) if out_file else None, year, overwrite)
        except TdktError as exc:
            problems(exc)
            sys.exit(1)
        click.echo(f"✓ {shown(source)} → {shown(saved.target)} ({saved.kind})")
        for change in saved.changes:
            click.echo(f"  {change}")
        if saved.notes:
            click.echo(f"Cần xem lại {len(saved.notes)} chỗ chương trình chưa chắc chắn (số đoạn tính trong "
                       "tệp Word; danh sách này cũng ghi ở đầu tệp YAML):", err=True)
            for note in saved.notes:
                click.echo(f"{shown(source)}: {note}", err=True)
        if saved.warnings:
            click.echo(f"Cần xem lại {len(saved.warnings)} chỗ có năm viết thẳng trong nội dung (sửa tay, hoặc "
                       "viết {{ nam }}, {{ nam - 1 }} để năm tự đổi theo ngày ký):", err=True)
        for warning in saved.warnings:
            click.echo(str(warning), err=True)
        checked = validate_one(Job(saved.target, saved.target.stem))
        if checked.error is not None:
            click.echo(f"Tệp mới cần sửa trước khi tạo văn bản ({sum(p.severity == 'error' for p in checked.error.problems)} lỗi):", err=True)
            problems(checked.error)
            sys.exit(1)
        click.echo(f"✓ Tệp mới hợp lệ; tạo văn bản bằng: {tdkt()} build {shown(saved.target)}")

    return nhap
