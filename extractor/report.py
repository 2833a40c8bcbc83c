"""The HTML report: one self-contained page (inline CSS, JS and SVG; no network) with the study table (sortable,
filterable), each value linked to its abstract with the source sentence highlighted, the regimen table, a forest
plot of CR and CR/CRi rates and a plot of median overall survival.

Everything that comes from an abstract is escaped: table cells with html.escape, and the abstracts travel as JSON
in a <script type="application/json"> block with <, > and & written as \\u escapes, so no text can close the
block; the page's script puts them into the DOM with textContent only.
"""
from __future__ import annotations

import html
import json
import math
from collections.abc import Mapping
from pathlib import Path

from extractor import plots
from extractor.models import Article
from extractor.study_tables import ENDPOINTS, PROPORTIONS, StudyRow, Tables
from extractor.writers import to_html_table

# (heading, value column shown, column sorted on numerically or None, provenance column or None). The study and
# arm first, then N and the endpoints (what a reader compares, on the first screen), then the rest of the design.
_COLUMNS: list[tuple[str, str, str | None, str | None]] = [
    ("PMID", "pmid", None, None), ("First author", "first_author", None, None), ("Year", "year", "year", None),
    ("Arm", "arm", None, None), ("Regimen", "regimen", None, None), ("Setting", "setting", None, None),
    ("Population", "population", None, None), ("N", "N", "N", "N"),
    *[(name, f"{code}_cell", code, code) for code, name in ENDPOINTS],
    ("HR", "HR_cell", "HR", "HR"), ("Classes", "classes", None, None), ("Phase", "phase", None, None),
    ("Randomized", "randomized", None, None), ("Trial registration", "trial", None, None),
    ("Median age", "median_age", "median_age", "median_age"),
    ("Median follow-up (mo)", "median_follow_up", "median_follow_up", "median_follow_up"),
    ("Journal", "journal", None, None), ("Flags", "flags", None, None), ("Curated", "curated", None, None),
    ("Subgroups and other values", "notes", None, None),
]
# The arm label `all` (a study's own whole cohort) reads as the disease ALL to a hematologist: shown as this.
WHOLE_COHORT = "study cohort"
_ALWAYS_SHOWN = {"pmid", "arm", "regimen"}

_CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:16px;color:#222}
h1{font-size:20px}h2{font-size:17px;margin-top:28px}
.controls{margin:8px 0}.controls input,.controls select{font-size:14px;padding:2px 4px;margin-right:8px}
table{border-collapse:collapse;font-size:12.5px}
th,td{border:1px solid #ccc;padding:2px 5px;vertical-align:top;max-width:16em}
td a.ev{white-space:nowrap}details summary{cursor:pointer;color:#555;white-space:nowrap}
th{background:#eef;position:sticky;top:0;cursor:pointer;white-space:nowrap}
th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
td.flagged{background:#fff3cd}td.curated{background:#e3f4e1}
.wrap{overflow:auto;max-height:70vh;border:1px solid #ddd}
#abstract{border:2px solid #2c6fbb;padding:8px 12px;margin-top:16px;background:#fafcff}
#abstract[hidden]{display:none}
mark{background:#ffe066;padding:0 1px}
.section-name{font-weight:bold;margin-right:4px}
.meta{color:#555}.noplot{color:#777}
"""

_JS = r"""
(function () {
  "use strict";
  var articles = JSON.parse(document.getElementById("articles-data").textContent);
  var table = document.getElementById("studies");
  var tbody = table.tBodies[0];
  var headers = table.tHead.rows[0].cells;
  function key(cell) {
    var n = cell.getAttribute("data-sort");
    return n === null || n === "" ? null : parseFloat(n);
  }
  Array.prototype.forEach.call(headers, function (th, index) {
    th.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(tbody.rows);
      rows.sort(function (a, b) {
        var x = a.cells[index], y = b.cells[index], kx = key(x), ky = key(y), order;
        if (kx !== null || ky !== null) {
          if (kx === null) { return 1; }
          if (ky === null) { return -1; }
          order = kx - ky;
        } else {
          var tx = x.textContent.trim(), ty = y.textContent.trim();
          if (!tx && ty) { return 1; }
          if (tx && !ty) { return -1; }
          order = tx.localeCompare(ty, undefined, {numeric: true});
        }
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { tbody.appendChild(row); });
    });
  });
  var search = document.getElementById("filter");
  var setting = document.getElementById("setting-filter");
  function applyFilter() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = setting.value;
    var shown = 0;
    Array.prototype.forEach.call(tbody.rows, function (row) {
      var text = row.textContent.toLowerCase();
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; }) &&
               (!wanted || row.getAttribute("data-setting") === wanted);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.getElementById("shown").textContent = String(shown);
  }
  search.addEventListener("input", applyFilter);
  setting.addEventListener("change", applyFilter);
  function add(parent, tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (cls) { node.className = cls; }
    parent.appendChild(node);
    return node;
  }
  function show(link) {
    var pmid = link.getAttribute("data-pmid");
    var panel = document.getElementById("abstract");
    var body = document.getElementById("abstract-body");
    var article = articles[pmid];
    var index = link.getAttribute("data-si");
    var start = parseInt(link.getAttribute("data-start"), 10);
    var end = parseInt(link.getAttribute("data-end"), 10);
    var sectionName = link.getAttribute("data-section");
    var evidence = link.getAttribute("data-evidence") || "";
    body.textContent = "";
    add(body, "h3", article ? article.title : "PMID " + pmid);
    add(body, "p", article ? article.meta : "", "meta");
    var highlighted = false;
    if (article) {
      var target = index !== null && index !== "" ? parseInt(index, 10) : -1;
      if (target < 0) {
        target = article.sections.findIndex(function (s) { return s[0] === sectionName; });
      }
      article.sections.forEach(function (section, i) {
        var p = add(body, "p");
        add(p, "span", section[0], "section-name");
        // Offsets count Unicode code points (Python str), so slice code points, not UTF-16 units.
        var chars = Array.from(section[1]);
        if (i === target && !isNaN(start) && chars.slice(start, end).join("") === evidence) {
          p.appendChild(document.createTextNode(chars.slice(0, start).join("")));
          add(p, "mark", chars.slice(start, end).join("")).id = "highlight";
          p.appendChild(document.createTextNode(chars.slice(end).join("")));
          highlighted = true;
        } else {
          p.appendChild(document.createTextNode(section[1]));
        }
      });
    }
    if (!highlighted) {
      var note = link.getAttribute("data-curated");
      add(body, "p", note ? "Curated value: " + note : "Evidence: " + evidence, "meta");
    }
    panel.hidden = false;
    var mark = document.getElementById("highlight");
    (mark || panel).scrollIntoView({block: "center"});
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.ev") : null;
    if (!link) { return; }
    event.preventDefault();
    show(link);
  });
  document.getElementById("abstract-close").addEventListener("click", function () {
    document.getElementById("abstract").hidden = true;
  });
})();
"""


def render_report(tables: Tables, articles: Mapping[str, Article], title: str = "Salvage ALL evidence") -> str:
    """The report page as one HTML string.

    Args:
        tables: from study_tables.build_tables.
        articles: parsed articles by PMID; their section texts are embedded so each value can show its sentence.
        title: the page heading.

    Returns:
        A complete, self-contained HTML document.
    """
    rows = tables.rows
    pmids = sorted({r.values["pmid"] for r in rows})
    settings = sorted({r.values["setting"] for r in rows if r.values.get("setting")})
    options = "".join(f'<option value="{_e(s)}">{_e(s)}</option>' for s in settings)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        # No network: the policy forbids every fetch; scripts and styles are only the inline ones below.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">",
        '<link rel="icon" href="data:,">',
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">{len(pmids)} studies, {len(rows)} study arms. Click a value to see its sentence in the '
        "abstract; click a column heading to sort. [flagged: …] marks a value that failed a consistency check, "
        "[curated] a reviewer's correction. Columns no arm has a value for are left out here (the CSV has them)."
        "</p>",
        _left_out_note(tables, articles),
        "<h2>Study table</h2>",
        '<div class="controls"><label>Filter <input id="filter" type="search" placeholder="regimen, author, drug…">'
        f'</label><label>Setting <select id="setting-filter"><option value="">all</option>{options}</select></label>'
        f'<span><span id="shown">{len(rows)}</span> rows shown</span></div>',
        f'<div class="wrap">{_study_table(rows)}</div>',
        '<section id="abstract" hidden><button id="abstract-close" type="button">close</button>'
        '<div id="abstract-body"></div></section>',
        "<h2>Response rates (CR/CRi and CR) per study, with Wilson 95% CIs and pooled estimates</h2>",
        plots.forest_plot(rows, tables.pooled),
        "<h2>Median overall survival per regimen</h2>",
        plots.median_os_plot(rows),
        "<h2>Regimen table</h2>",
        f'<p class="meta">{_e(_method_note())}</p>',
        f'<div class="wrap">{to_html_table(_regimen_display(tables), "regimens")}</div>',
        f'<script type="application/json" id="articles-data">{_json_for_html(_articles_data(articles, pmids))}</script>',
        f"<script>{_JS}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def write_report(path: Path, tables: Tables, articles: Mapping[str, Article], title: str = "Salvage ALL evidence") -> Path:
    """Write the report page to `path` (parents created)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(tables, articles, title), encoding="utf-8")
    return path


def _left_out_note(tables: Tables, articles: Mapping[str, Article]) -> str:
    if not tables.left_out:
        return ""
    names = []
    for pmid in tables.left_out:
        article = articles.get(pmid)
        why = "no abstract" if article is not None and not article.sections else "nothing extracted"
        title = (article.title or "").rstrip(". ") if article is not None else ""
        names.append(f"PMID {pmid} (" + "; ".join(filter(None, (title, why))) + ")")
    return f'<p class="meta" id="left-out">Not in the table, nothing to tabulate: {_e("; ".join(names))}.</p>'


def _visible_columns(rows: list[StudyRow]) -> list[tuple]:
    """The columns of _COLUMNS that some row has a value for (PMID, arm and regimen always)."""
    return [c for c in _COLUMNS if c[1] in _ALWAYS_SHOWN or any(_text(r.values.get(c[1])) for r in rows)]


def _study_table(rows: list[StudyRow]) -> str:
    columns = _visible_columns(rows)
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h, *_ in columns)
    body = []
    for row in rows:
        v = row.values
        cells = []
        for heading, column, sort_col, source_col in columns:
            text = _text(v.get(column))
            if column == "arm" and text == "all":
                text = WHOLE_COHORT
            attrs = ""
            if sort_col is not None and _number(v.get(sort_col)) is not None:
                attrs += f' data-sort="{_number(v.get(sort_col))}"'
            classes = []
            if source_col and source_col in row.outcomes:
                outcome = row.outcomes[source_col]
                classes += ["flagged"] * bool(outcome.get("flags")) + ["curated"] * bool(outcome.get("curated"))
            if classes:
                attrs += f' class="{" ".join(classes)}"'
            if column == "pmid":
                content = (f'<a href="{_e(v["url"])}" rel="noopener noreferrer">{_e(text)}</a> '
                           f'<a class="ev" href="#abstract" data-pmid="{_e(v["pmid"])}">abstract</a>')
            elif column == "notes" and text:
                items = text.split("; ")
                content = (f"<details><summary>{len(items)} more</summary>"
                           + "<br>".join(_e(item) for item in items) + "</details>")
            elif text and source_col and source_col in row.sources:
                content = _evidence_link(v["pmid"], row.sources[source_col], text)
            else:
                content = _e(text)
            cells.append(f"<td{attrs}>{content}</td>")
        body.append(f'<tr data-setting="{_e(v.get("setting") or "")}">' + "".join(cells) + "</tr>")
    return f'<table id="studies"><thead><tr>{head}</tr></thead><tbody>\n' + "\n".join(body) + "\n</tbody></table>"


def _evidence_link(pmid: str, source: dict, text: str) -> str:
    if "curated" in source:
        cur = source["curated"]
        note = f"{cur.get('reviewer') or 'reviewer'}: {cur.get('note') or ''} ({cur.get('source') or ''})"
        return f'<a class="ev" href="#abstract" data-pmid="{_e(pmid)}" data-curated="{_e(note)}">{_e(text)}</a>'
    attrs = [f'data-pmid="{_e(pmid)}"', f'data-evidence="{_e(source.get("text") or "")}"']
    for name, key in (("si", "section_index"), ("start", "start"), ("end", "end"), ("section", "section")):
        if source.get(key) is not None:
            attrs.append(f'data-{name}="{_e(str(source[key]))}"')
    return f'<a class="ev" href="#abstract" {" ".join(attrs)}>{_e(text)}</a>'


def _articles_data(articles: Mapping[str, Article], pmids: list[str]) -> dict:
    data = {}
    for pmid in pmids:
        article = articles.get(pmid)
        if article is None:
            continue
        authors = ", ".join(article.authors[:3]) + (" et al." if len(article.authors) > 3 else "")
        meta = " · ".join(x for x in (authors, article.journal_iso or article.journal, str(article.year or ""),
                                       f"PMID {pmid}") if x)
        data[pmid] = {"title": article.title, "meta": meta, "sections": [list(p) for p in article.named_texts()]}
    return data


def _regimen_display(tables: Tables):
    frame = tables.regimens
    keep = ["regimen", "classes", "setting", "population", "studies", "reports", "patients"]
    for code, _ in ENDPOINTS:
        keep.append(f"{code}_range")
        if code in PROPORTIONS:
            keep.append(f"{code}_pooled_cell")
    frame = frame[keep].dropna(axis=1, how="all")
    # Headings people read: "CR/CRi range", "MRD-negative pooled", not the codes of the CSV.
    names = {"regimen": "Regimen", "classes": "Classes", "setting": "Setting", "population": "Population",
             "studies": "Studies (trials)", "reports": "Reports", "patients": "Patients"}
    for code, name in ENDPOINTS:
        names[f"{code}_range"] = f"{name} range"
        names[f"{code}_pooled_cell"] = f"{name} pooled (95% CI)"
    return frame.rename(columns=names)


def _method_note() -> str:
    return ("Pooled rates: random-effects meta-analysis of proportions, DerSimonian-Laird on logit-transformed "
            "rates (statsmodels), within one regimen, one setting, one population (age group and Ph status) and one "
            "endpoint; only arms with a count and denominator (or a rate and the arm's n); a trial reported more than "
            "once (reports sharing a registry number) counts once, through its report with the most patients. "
            "0.5 is added to events and non-events of a study with 0 or "
            "n events. A single study shows its rate with a Wilson 95% CI. Ranges are across study arms.")


def _json_for_html(data) -> str:
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _number(value) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _e(text) -> str:
    return html.escape(str(text), quote=True)
