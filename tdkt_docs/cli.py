"""Command line. The only module that prints or exits."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__

CONTEXT = {"help_option_names": ["-h", "--help"]}


class Ctx:
    debug = False


def _fail_hard(exc: BaseException) -> None:
    click.echo(f"Lỗi không mong đợi: {exc.__class__.__name__}: {exc}", err=True)
    click.echo("Đây là lỗi của chương trình, không phải của bạn. Hãy chạy lại với --debug và gửi kết quả "
               "cho người phụ trách.", err=True)
    sys.exit(3)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", "-V", prog_name="tdkt", message="%(prog)s %(version)s")
@click.option("--debug", is_flag=True, help="Hiện chi tiết kỹ thuật khi có lỗi (dành cho người phát triển).")
def main(debug: bool) -> None:
    """tdkt — soạn văn bản thi đua, khen thưởng đúng thể thức Nghị định 30/2020/NĐ-CP.

    Viết nội dung vào tệp YAML, chạy `tdkt build`, mở tệp DOCX bằng Word.
    """
    Ctx.debug = debug


def _guard(func):
    """Turn unexpected failures into a short Vietnamese message; --debug shows the traceback."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("Đã dừng.", err=True)
            sys.exit(130)
        except Exception as exc:  # noqa: BLE001 - the last line of defence for a clerk
            if Ctx.debug:
                raise
            _fail_hard(exc)
    return wrapper


def _report(outcome, verb_ok: str) -> bool:
    from .pipeline import shown

    for warning in outcome.warnings:
        click.echo(str(warning), err=True)
    if outcome.error is not None:
        for problem in outcome.error.problems:
            click.echo(str(problem) if problem.file else f"{shown(outcome.job.source)}: {problem.message}", err=True)
        count = len(outcome.error.problems)
        click.echo(f"✗ {shown(outcome.job.source)}: {count} lỗi, chưa tạo văn bản.", err=True)
        return False
    if outcome.written:
        for path in outcome.written:
            click.echo(f"✓ {shown(outcome.job.source)} → {shown(path)}")
    else:
        click.echo(f"✓ {shown(outcome.job.source)}: {verb_ok}")
    return True


def _paths_exist(paths: tuple[str, ...]) -> list[Path]:
    result = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise click.UsageError(f"không tìm thấy '{raw}'; hãy kiểm tra lại đường dẫn")
        result.append(path)
    return result


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, metavar="ĐƯỜNG_DẪN...")
@click.option("-o", "--output", "out_dir", default="output", show_default=True, metavar="THƯ_MỤC",
              help="Thư mục ghi văn bản DOCX.")
@_guard
def build(paths: tuple[str, ...], out_dir: str) -> None:
    """Tạo văn bản DOCX từ các tệp YAML (hoặc mọi tệp YAML trong thư mục).

    Văn bản nào lỗi thì bỏ qua và báo lỗi, các văn bản khác vẫn được tạo.
    Mã thoát: 0 khi tạo đủ, 1 khi có văn bản lỗi, 2 khi gọi lệnh sai.
    """
    from .pipeline import build_one, collect
    from .write import build_lock

    jobs = collect(_paths_exist(paths))
    if not jobs:
        click.echo("Không có tệp YAML nào để tạo văn bản.", err=True)
        sys.exit(1)
    out = Path(out_dir)
    ok = True
    with build_lock(out):
        for job in jobs:
            ok = _report(build_one(job, out), "không có gì để ghi") and ok
    sys.exit(0 if ok else 1)


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, metavar="ĐƯỜNG_DẪN...")
@_guard
def validate(paths: tuple[str, ...]) -> None:
    """Kiểm tra các tệp YAML mà không tạo văn bản."""
    from .pipeline import collect, validate_one

    ok = True
    for job in collect(_paths_exist(paths)):
        ok = _report(validate_one(job), "hợp lệ") and ok
    sys.exit(0 if ok else 1)


@main.command(context_settings=CONTEXT)
@click.argument("loai", metavar="LOẠI",
                type=click.Choice(["ke-hoach", "de-cuong", "bao-cao", "to-trinh", "bien-ban", "ho-so"]))
@click.option("-o", "--output", "target", metavar="TỆP", help="Tên tệp YAML sẽ tạo (mặc định: LOẠI.yaml).")
@click.option("--tu", "source", metavar="ĐỀ_CƯƠNG",
              help="Với bao-cao: tệp đề cương (hoặc kế hoạch có đề cương); báo cáo có đúng các mục của đề cương.")
@click.option("--ghi-de", is_flag=True, help="Ghi đè khi tệp đã có.")
@_guard
def new(loai: str, target: str | None, source: str | None, ghi_de: bool) -> None:
    """Tạo tệp YAML mẫu, có chú thích, cho một loại văn bản.

    LOẠI: ke-hoach, de-cuong, bao-cao, to-trinh, bien-ban, ho-so (biên bản và tờ trình).
    Tệp tạo ra dùng được ngay: sửa nội dung rồi chạy `tdkt build`.
    """
    from .errors import TdktError
    from .pipeline import shown
    from .starters import write_new

    if source is not None and not Path(source).exists():
        raise click.UsageError(f"không tìm thấy '{source}'; hãy kiểm tra lại đường dẫn")
    try:
        path = write_new(loai, Path(target) if target else None, overwrite=ghi_de,
                         source=Path(source) if source else None)
    except TdktError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(1)
    click.echo(f"✓ Đã tạo {shown(path)}. Sửa nội dung rồi chạy: tdkt build {shown(path)}")


if __name__ == "__main__":  # pragma: no cover
    main()
