"""Command line. The only module that prints or exits."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from tdkt_docs import __version__
from tdkt_docs.cli.vietnamese import Group, speak_vietnamese

speak_vietnamese()

CONTEXT = {"help_option_names": ["-h", "--help"]}


class Ctx:
    debug = False


def _fail_hard(exc: BaseException) -> None:
    click.echo(f"Lỗi không mong đợi: {exc.__class__.__name__}: {exc}", err=True)
    click.echo("Đây là lỗi của chương trình, không phải của bạn. Hãy chạy lại với --debug và gửi kết quả "
               "cho người phụ trách.", err=True)
    sys.exit(3)


@click.group(cls=Group, context_settings=CONTEXT)
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


def _report_unchanged(outcomes: list) -> None:
    """Documents a build did not need to make, in one line: their old warnings are counted, not
    repeated, so that what is new stands out (`tdkt validate` shows them all)."""
    from tdkt_docs.build.files import shown

    if not outcomes:
        return
    old = sum(len(o.warnings) for o in outcomes)
    what = f"{shown(outcomes[0].job.source)}: không đổi" if len(outcomes) == 1 else \
        f"{len(outcomes)} tệp không đổi"
    if old:
        named = " ".join(shown(o.job.source) for o in outcomes if o.warnings)
        what += f" ({old} cảnh báo từ lần tạo trước; xem lại bằng: {_tdkt()} validate {named})"
    click.echo(f"✓ {what}")


def _report(outcome, verb_ok: str) -> bool:
    from tdkt_docs.build.files import shown

    for warning in outcome.warnings:
        click.echo(str(warning), err=True)
    if outcome.error is not None:
        for problem in outcome.error.problems:
            click.echo(str(problem) if problem.file else f"{shown(outcome.job.source)}: {problem.message}", err=True)
        count = sum(1 for p in outcome.error.problems if p.severity == "error")
        click.echo(f"✗ {shown(outcome.job.source)}: {count} lỗi, chưa tạo văn bản.", err=True)
        return False
    if outcome.written:
        for path in outcome.written:
            click.echo(f"✓ {shown(outcome.job.source)} → {shown(path)}")
    else:
        click.echo(f"✓ {shown(outcome.job.source)}: {verb_ok}")
    return True


class _KindWord(click.Choice):
    """A kind as the command writes it (to-trinh) or as `loai:` does (to_trinh)."""

    def convert(self, value, param, ctx):
        return super().convert(str(value).replace("_", "-"), param, ctx)


def _tdkt() -> str:
    """The command to type for the next step: `tdkt` when it is on the PATH, else the path it was run by
    (`.venv/bin/tdkt` after `make documents`), so that the advice works when copied."""
    import os
    import shutil

    ran = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if ran is None or ran.stem != "tdkt" or not ran.exists():
        return "tdkt"
    found = shutil.which("tdkt")
    if found and Path(found).resolve() == ran.resolve():
        return "tdkt"
    try:
        return os.path.relpath(ran)
    except ValueError:  # another drive on Windows
        return str(ran)


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
@click.option("--tat-ca", "force", is_flag=True,
              help="Tạo lại mọi văn bản, kể cả văn bản không có gì thay đổi từ lần tạo trước.")
@click.option("-j", "--jobs", "processes", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
              help="Số tiến trình tạo văn bản cùng lúc; 0 là bằng số lõi CPU của máy.")
@click.option("--pdf", is_flag=True, help="Tạo thêm bản PDF cạnh mỗi tệp DOCX (cần LibreOffice).")
@click.option("--strict", is_flag=True,
              help="Coi mọi cảnh báo là lỗi: văn bản có cảnh báo không được tạo, mã thoát 1.")
@_guard
def build(paths: tuple[str, ...], out_dir: str, force: bool, processes: int, pdf: bool, strict: bool) -> None:
    """Tạo văn bản DOCX từ các tệp YAML (hoặc mọi tệp YAML trong thư mục).

    Chỉ tạo lại văn bản có thay đổi (tệp YAML, tệp dùng chung, mẫu văn bản hoặc chương trình);
    văn bản khác báo "không đổi". Văn bản nào lỗi thì bỏ qua và báo lỗi, các văn bản khác vẫn được tạo.
    Mã thoát: 0 khi tạo đủ, 1 khi có văn bản lỗi (hoặc có bản PDF không tạo được khi dùng --pdf),
    2 khi gọi lệnh sai.
    """
    from tdkt_docs.build import Options, collect, run
    from tdkt_docs.errors import TdktError

    jobs = collect(_paths_exist(paths))
    if not jobs:
        click.echo("Không có tệp YAML nào để tạo văn bản.", err=True)
        sys.exit(1)
    out = Path(out_dir)
    ok = True
    written: list[Path] = []
    unchanged: list = []
    try:
        for outcome in run(jobs, Options(out, force=force, processes=processes, strict=strict),
                           on_wait=lambda: click.echo(f"Đang chờ một lần tạo văn bản khác ghi xong vào {out} ...",
                                                      err=True)):
            if outcome.unchanged:
                unchanged.append(outcome)
            else:
                ok = _report(outcome, "không có gì để ghi") and ok
            # an unchanged document still gets its PDF when it has none or an older one
            written += [p for p in outcome.written if not outcome.unchanged or _pdf_missing(p)]
        _report_unchanged(unchanged)
        if pdf:
            ok = _make_pdfs(written) and ok
    except TdktError as exc:  # the output folder itself cannot be used
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(1)
    sys.exit(0 if ok else 1)


def _pdf_missing(docx: Path) -> bool:
    target = docx.with_suffix(".pdf")
    return docx.exists() and (not target.exists() or target.stat().st_mtime < docx.stat().st_mtime)


def _make_pdfs(documents: list[Path]) -> bool:
    from tdkt_docs.errors import TdktError
    from tdkt_docs.output.pdf import convert_all
    from tdkt_docs.build.files import shown

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
@click.option("--strict", is_flag=True,
              help="Coi mọi cảnh báo là lỗi: văn bản có cảnh báo không được tạo, mã thoát 1.")
@_guard
def validate(paths: tuple[str, ...], strict: bool) -> None:
    """Kiểm tra các tệp YAML mà không tạo văn bản.

    Chạy đúng các bước của `tdkt build` (kể cả kiểm tra thể thức Nghị định 30 của văn bản sẽ tạo),
    chỉ không ghi tệp: cùng lỗi, cùng cảnh báo, cùng mã thoát.
    """
    from tdkt_docs.build import Options, build

    ok = True
    for outcome in build(_paths_exist(paths), Options(write=False, strict=strict)):
        ok = _report(outcome, "hợp lệ") and ok
    sys.exit(0 if ok else 1)


def _problems(exc) -> None:
    for problem in exc.problems:
        click.echo(str(problem) if problem.file else problem.message, err=True)


@main.command(context_settings=CONTEXT)
@click.option("-o", "--output", "out_dir", default=None, metavar="THƯ_MỤC",
              help="Thư mục ghi các tệp JSON Schema (mặc định: thư mục lược đồ của chương trình, nơi dòng đầu "
                   "các tệp YAML trỏ tới).")
@_guard
def schema(out_dir: str) -> None:
    """Ghi JSON Schema của từng loại văn bản (<loai>.schema.json) và của tệp dùng chung.

    Trình soạn thảo như VS Code (tiện ích YAML của Red Hat) dùng các tệp này để gợi ý tên mục,
    hiện giải thích từng mục và gạch chân lỗi ngay khi gõ, nếu dòng đầu tệp YAML là
    `# yaml-language-server: $schema=<đường dẫn tới tệp .schema.json>`.
    """
    from tdkt_docs.errors import TdktError
    from tdkt_docs.build.files import shown
    from tdkt_docs.model.json_schema import FOLDER, write_all

    try:
        written = write_all(Path(out_dir) if out_dir else FOLDER)
    except TdktError as exc:
        _problems(exc)
        sys.exit(1)
    for path in written:
        click.echo(f"✓ {shown(path)}")


@main.command(context_settings=CONTEXT)
@click.argument("file", metavar="TỆP")
@click.option("--nam", "year", type=click.IntRange(1900, 2200), required=True, metavar="NĂM",
              help="Năm của kế hoạch mới, ví dụ 2027.")
@click.option("-o", "--output", "out_file", metavar="TỆP_MỚI",
              help="Tên tệp mới (mặc định: đổi năm trong tên tệp hoặc tên thư mục, ví dụ ke-hoach-2027.yaml).")
@_guard
def rollover(file: str, year: int, out_file: str | None) -> None:
    """Lập kế hoạch năm sau từ kế hoạch năm nay.

    Tệp mới giữ nguyên nội dung, chú thích và thứ tự các mục; chỉ đổi: ngày ký thành dự thảo của
    năm mới (bỏ ngày, giữ tháng), bỏ số văn bản, lùi ngày bắt đầu/kết thúc của phong trào sang năm
    mới. Những chỗ năm được viết thẳng trong nội dung được liệt kê kèm số dòng để xem lại.
    """
    from tdkt_docs.errors import TdktError
    from tdkt_docs.build.files import Job, shown
    from tdkt_docs.build import validate_one
    from tdkt_docs.rollover import rollover as roll
    from tdkt_docs.rollover import write_new

    source = _paths_exist((file,))[0]
    try:
        result = roll(source, year, Path(out_file) if out_file else None)
        write_new(result)
    except TdktError as exc:
        _problems(exc)
        sys.exit(1)
    click.echo(f"✓ {shown(source)} → {shown(result.target)}")
    for change in result.changes:
        click.echo(f"  {change}")
    if result.warnings:
        click.echo(f"Cần xem lại {len(result.warnings)} chỗ có năm viết thẳng trong nội dung (sửa tay, hoặc "
                   "viết {{ nam }}, {{ nam - 1 }} để năm tự đổi theo ngày ký):", err=True)
        for warning in result.warnings:
            click.echo(str(warning), err=True)
    checked = validate_one(Job(result.target, result.target.stem))
    if checked.error is not None:
        click.echo(f"Tệp mới cần sửa trước khi tạo văn bản ({sum(p.severity == 'error' for p in checked.error.problems)} lỗi):", err=True)
        _problems(checked.error)
        sys.exit(1)
    click.echo(f"✓ Tệp mới hợp lệ; tạo văn bản bằng: {_tdkt()} build {shown(result.target)}")


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, metavar="[ĐƯỜNG_DẪN]...")
@click.option("-o", "--output", "out_dir", default="output", show_default=True, metavar="THƯ_MỤC",
              help="Thư mục ghi văn bản DOCX.")
@_guard
def watch(paths: tuple[str, ...], out_dir: str) -> None:
    """Theo dõi các tệp YAML (mặc định: thư mục data) và tạo lại văn bản mỗi khi lưu tệp.

    Lưu một tệp văn bản, một tệp dùng chung hay một mẫu văn bản: các văn bản dùng tệp đó được tạo
    lại ngay, lỗi (nếu có) hiện ở đây kèm số dòng. Bấm Ctrl+C để dừng.
    """
    from tdkt_docs.build.watch import INTERVAL, Watcher, rounds

    given = _paths_exist(paths or ("data",))
    click.echo(f"Đang theo dõi {', '.join(str(p) for p in given)} → {out_dir}. Bấm Ctrl+C để dừng.")
    try:
        for found in rounds(Watcher(given, Path(out_dir)), INTERVAL):
            _print_round(found)
    except KeyboardInterrupt:
        click.echo("Đã dừng theo dõi.")
        sys.exit(0)


def _print_round(found) -> None:
    import time

    from tdkt_docs.build.files import shown

    stamp = time.strftime("%H:%M:%S")
    for path in found.changed:
        click.echo(f"[{stamp}] Đã lưu: {shown(path)}")
    for path in found.removed:
        click.echo(f"[{stamp}] Đã xóa: {shown(path)} (văn bản đã tạo trước đó vẫn giữ nguyên)")
    _report_unchanged(found.unchanged)
    for outcome in found.built:
        _report(outcome, "không có gì để ghi")


@main.command(context_settings=CONTEXT)
@click.argument("loai", metavar="LOẠI",
                type=_KindWord(["ke-hoach", "de-cuong", "bao-cao", "to-trinh", "bien-ban", "ho-so", "quyet-dinh"]))
@click.option("-o", "--output", "target", metavar="TỆP", help="Tên tệp YAML sẽ tạo (mặc định: LOẠI.yaml).")
@click.option("--tu", "source", metavar="ĐỀ_CƯƠNG",
              help="Với bao-cao: tệp đề cương (hoặc kế hoạch có đề cương); báo cáo có đúng các mục của đề cương.")
@click.option("--ghi-de", is_flag=True, help="Ghi đè khi tệp đã có.")
@_guard
def new(loai: str, target: str | None, source: str | None, ghi_de: bool) -> None:
    """Tạo tệp YAML mẫu, có chú thích, cho một loại văn bản.

    LOẠI: ke-hoach, de-cuong, bao-cao, to-trinh, bien-ban, ho-so (biên bản, tờ trình, quyết định và giấy
    khen), quyet-dinh (quyết định khen thưởng và giấy khen).
    Tệp tạo ra dùng được ngay: sửa nội dung rồi chạy `tdkt build`.
    """
    from tdkt_docs.errors import TdktError
    from tdkt_docs.build.files import shown
    from tdkt_docs.starters import write_new

    if source is not None and not Path(source).exists():
        raise click.UsageError(f"không tìm thấy '{source}'; hãy kiểm tra lại đường dẫn")
    try:
        path = write_new(loai, Path(target) if target else None, overwrite=ghi_de,
                         source=Path(source) if source else None)
    except TdktError as exc:
        _problems(exc)
        sys.exit(1)
    click.echo(f"✓ Đã tạo {shown(path)}. Sửa nội dung rồi chạy: {_tdkt()} build {shown(path)}")


from tdkt_docs.cli.check import make_check_command  # noqa: E402 - registered after _guard exists

main.add_command(make_check_command(_guard))

from tdkt_docs.cli.nhap import make_nhap_command  # noqa: E402

main.add_command(make_nhap_command(_guard, _problems, _tdkt))


if __name__ == "__main__":  # pragma: no cover
    main()
