"""One exception tree for every stage; only the CLI turns these into output and exit codes."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """A finding about the user's input, printed as `file:line:col: field: message`."""

    file: str
    message: str
    line: int | None = None
    col: int | None = None
    field: str | None = None
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        prefix = "" if self.severity == "error" else "cảnh báo: "
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {prefix}{self.message}"


class TdktError(Exception):
    """Base of every error the tool reports to a user."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem(file="", message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):
        # Errors cross from the processes of `tdkt build -j N` to the one that reports them.
        return (self.__class__, (self.problems,))


class InputError(TdktError):
    """The YAML (or a file it refers to) cannot be read or does not fit the schema."""


class TemplateError(TdktError):
    """A DOCX template is missing or broken."""


class OutputError(TdktError):
    """The document could not be written."""


class PdfError(OutputError):
    """A PDF copy could not be made (LibreOffice missing, failing or too slow)."""


class LayoutError(TdktError):
    """A generated document breaks an ND30 rule: a bug in our templates."""
