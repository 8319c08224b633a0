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
@click.option("-j", "--jobs", "processes", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
              help="Số tiến trình tạo văn bản cùng lúc; 0 là bằng số lõi CPU của máy.")
@click.option("--pdf", is_flag=True, help="Tạo thêm bản PDF cạnh mỗi tệp DOCX (cần LibreOffice).")
@_guard
def build(paths: tuple[str, ...], out_dir: str, processes: int, pdf: bool) -> None:
    """Tạo văn bản DOCX từ các tệp YAML (hoặc mọi tệp YAML trong thư mục).

    Văn bản nào lỗi thì bỏ qua và báo lỗi, các văn bản khác vẫn được tạo.
    Mã thoát: 0 khi tạo đủ, 1 khi có văn bản lỗi (hoặc có bản PDF không tạo được khi dùng --pdf),
    2 khi gọi lệnh sai.
    """
    from .parallel import build_many, cpu_count
    from .pipeline import collect
    from .write import build_lock

    jobs = collect(_paths_exist(paths))
    if not jobs:
        click.echo("Không có tệp YAML nào để tạo văn bản.", err=True)
        sys.exit(1)
    out = Path(out_dir)
    ok = True
    written: list[Path] = []
    with build_lock(out):
        for outcome in build_many(jobs, out, processes or cpu_count()):
            ok = _report(outcome, "không có gì để ghi") and ok
            written += outcome.written
        if pdf:
            ok = _make_pdfs(written) and ok
    sys.exit(0 if ok else 1)


def _make_pdfs(documents: list[Path]) -> bool:
    from .errors import TdktError
    from .pdf import convert_all
    from .pipeline import shown

    if not documents:
        return True
    click.echo(f"Đang tạo PDF cho {len(documents)} văn bản bằng LibreOffice...", err=True)
    try:
        results = convert_all(documents)
    except TdktError as exc:
        for problem in exc.problems:
            click.echo(f"✗ PDF: {problem.message}", err=True)
        return False
    ok = True
    for result in results:
        if result.problem is None:
            click.echo(f"✓ {shown(result.source)} → {shown(result.pdf)} ({result.pages} trang)")
        else:
            click.echo(f"✗ {result.problem}", err=True)
            ok = False
    return ok


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


if __name__ == "__main__":  # pragma: no cover
    main()
