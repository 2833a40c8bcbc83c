"""Plots as inline SVG text (no plotting library, no network): a forest plot of response rates and a dot plot of
median overall survival, both grouped by regimen. Every label is XML-escaped.
"""
from __future__ import annotations

from collections import defaultdict
from html import escape

from extractor import pooling
from extractor.study_tables import (UNIDENTIFIED, StudyRow, format_number, pool_group, regimen_key, row_proportion,
                                    study_label)

FOREST_ENDPOINTS = (("CR_CRi", "CR/CRi"), ("CR", "CR"))
_W, _LABEL_W, _PLOT_W, _ROW_H = 980, 360, 420, 18
_FONT = 'font-family="sans-serif" font-size="12"'


def forest_plot(rows: list[StudyRow], pooled: dict[tuple, pooling.Pooled]) -> str:
    """Response rates per study arm with Wilson 95% CIs, grouped by endpoint, regimen, setting and population, each
    group closed by its pooled estimate (a diamond; DerSimonian-Laird when two or more trials).

    Args:
        rows: study rows of study_tables.build_tables.
        pooled: its pooled estimates by (`study_tables.pool_group`, endpoint).

    Returns:
        An <svg> element as text, or a short <p> when no row has a CR or CR/CRi rate.
    """
    lines: list[tuple] = []  # (kind, label, estimate, low, high, right text)
    for code, name in FOREST_ENDPOINTS:
        groups: dict[tuple, list[StudyRow]] = defaultdict(list)
        for row in rows:
            if row.values.get(code) is not None:
                groups[pool_group(row)].append(row)
        for group, members in sorted(groups.items(), key=lambda kv: str(kv[0]).lower()):
            regimen = members[0].values["regimen"] or UNIDENTIFIED
            where = " · ".join(part for part in group[1:] if part)
            lines.append(("head", f"{name} · {regimen}" + (f" · {where}" if where else ""), None, None, None, ""))
            for row in members:
                study = row_proportion(row, code)
                value = min(1.0, max(0.0, row.values[code] / 100))
                if study is not None:
                    low, high = pooling.wilson_interval(study.events, study.total)
                    # A count the abstract printed shows as events/total; a rate times the arm's n as n=total.
                    printed = row.outcomes[code].get("count") is not None
                    size = f"{study.events}/{study.total}" if printed else f"n={study.total}"
                    right = f"{format_number(row.values[code])}% ({size}; {_pct(low)}–{_pct(high)})"
                else:
                    low = high = None
                    right = f"{format_number(row.values[code])}% (denominator not given)"
                lines.append(("study", study_label(row), value, low, high, right))
            result = pooled.get((*group, code))
            if result is not None and result.k >= 2:
                right = f"{_pct(result.estimate)}% ({_pct(result.ci_low)}–{_pct(result.ci_high)}; I² {_pct(result.i2)}%)"
                lines.append(("pooled", f"pooled, {result.k} trials, n={result.patients}", result.estimate,
                              result.ci_low, result.ci_high, right))
    if not lines:
        return '<p class="noplot">No study arm reports a CR or CR/CRi rate.</p>'
    height = (len(lines) + 3) * _ROW_H
    x0 = _LABEL_W
    parts = [_svg_open(height, "Forest plot of CR and CR/CRi rates with Wilson 95% confidence intervals")]
    parts += _axis(x0, height, [0, 25, 50, 75, 100], lambda t: x0 + _PLOT_W * t / 100, "%")
    for i, (kind, label, est, low, high, right) in enumerate(lines):
        y = (i + 1) * _ROW_H + 4
        weight = ' font-weight="bold"' if kind in ("head", "pooled") else ""
        parts.append(f'<text x="4" y="{y + 4}" {_FONT}{weight}>{escape(_clip(label, 52))}</text>')
        if kind == "head":
            continue
        cx = x0 + _PLOT_W * est
        if low is not None:
            parts.append(f'<line x1="{x0 + _PLOT_W * low:.1f}" x2="{x0 + _PLOT_W * high:.1f}" y1="{y}" y2="{y}" '
                         'stroke="#333" stroke-width="1.5"/>')
        if kind == "pooled":
            lx, hx = x0 + _PLOT_W * low, x0 + _PLOT_W * high
            parts.append(f'<polygon class="pooled" points="{lx:.1f},{y} {cx:.1f},{y - 6} {hx:.1f},{y} {cx:.1f},{y + 6}" '
                         'fill="#c0392b"/>')
        else:
            parts.append(f'<rect class="study" x="{cx - 4:.1f}" y="{y - 4}" width="8" height="8" fill="#2c6fbb">'
                         f'<title>{escape(label)}: {escape(right)}</title></rect>')
        parts.append(f'<text x="{x0 + _PLOT_W + 12}" y="{y + 4}" {_FONT}>{escape(right)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def median_os_plot(rows: list[StudyRow]) -> str:
    """Median overall survival (months) of each study arm, one line per regimen; 'not reached' is marked NR.

    Returns:
        An <svg> element as text, or a short <p> when no row reports a median OS.
    """
    groups: dict[str, list[StudyRow]] = defaultdict(list)
    for row in rows:
        if "OS_MEDIAN" in row.outcomes:
            groups[regimen_key(row.values["regimen"])].append(row)
    if not groups:
        return '<p class="noplot">No study arm reports a median overall survival.</p>'
    values = [r.values["OS_MEDIAN"] for rs in groups.values() for r in rs if r.values.get("OS_MEDIAN") is not None]
    top = max([12.0] + [v * 1.1 for v in values])
    step = 6 if top <= 36 else 12 if top <= 96 else 24
    ticks = list(range(0, int(top) + step, step))
    top = float(ticks[-1])
    x0 = _LABEL_W
    scale = lambda m: x0 + _PLOT_W * m / top  # noqa: E731
    entries = []
    for _, members in sorted(groups.items(), key=lambda kv: kv[0]):
        entries.append(("head", members[0].values["regimen"] or UNIDENTIFIED, None))
        entries += [("study", study_label(r), r.values.get("OS_MEDIAN")) for r in members]
    height = (len(entries) + 3) * _ROW_H
    parts = [_svg_open(height, "Median overall survival in months per study arm, grouped by regimen")]
    parts += _axis(x0, height, ticks, scale, " mo")
    for i, (kind, label, months) in enumerate(entries):
        y = (i + 1) * _ROW_H + 4
        weight = ' font-weight="bold"' if kind == "head" else ""
        parts.append(f'<text x="4" y="{y + 4}" {_FONT}{weight}>{escape(_clip(label, 52))}</text>')
        if kind == "head":
            continue
        if months is None:
            parts.append(f'<text class="nr" x="{x0 + _PLOT_W - 20}" y="{y + 4}" {_FONT}>NR →</text>')
            right = "not reached"
        else:
            parts.append(f'<circle class="study" cx="{scale(months):.1f}" cy="{y}" r="4.5" fill="#2c6fbb">'
                         f'<title>{escape(label)}: {format_number(months)} months</title></circle>')
            right = f"{format_number(months)} mo"
        parts.append(f'<text x="{x0 + _PLOT_W + 12}" y="{y + 4}" {_FONT}>{escape(right)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _svg_open(height: int, title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{height}" viewBox="0 0 {_W} {height}" '
            f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>')


def _axis(x0: float, height: int, ticks, scale, unit: str) -> list[str]:
    y = height - 2 * _ROW_H
    parts = [f'<line x1="{x0}" x2="{x0 + _PLOT_W}" y1="{y}" y2="{y}" stroke="#555"/>']
    for t in ticks:
        x = scale(t)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{_ROW_H / 2}" y2="{y}" stroke="#ddd"/>')
        parts.append(f'<text x="{x:.1f}" y="{y + 14}" text-anchor="middle" {_FONT}>{t}{escape(unit)}</text>')
    return parts


def _pct(value: float | None) -> str:
    return "" if value is None else format_number(round(100 * value, 1))


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
