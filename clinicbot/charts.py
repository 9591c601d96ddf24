"""Small server-side SVG charts: readable at a glance, no JavaScript, no CDN."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

PALETTE = ["#0b7a6f", "#e0a030", "#b42318", "#4f6bed", "#8a8f98"]
FONT = 13  # user units; a chart is drawn at about its viewBox width, so about 13 px on screen


def stacked_bars(
    labels: list[str], series: dict[str, list[float]], *, width: int = 720, height: int = 220, unit: str = ""
) -> SafeString:
    """One bar per label, stacked by series, with a legend; values are drawn as numbers too."""
    totals = [sum(values[i] for values in series.values()) for i in range(len(labels))]
    top = max([*totals, 1])
    left, bottom, legend = 44, 40, 26
    plot_h = height - bottom - legend
    step = (width - left) / max(len(labels), 1)
    bar_w = max(step * 0.6, 4)
    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" class="chart" xmlns="http://www.w3.org/2000/svg">'
    ]
    for tick in sorted({0, round(top / 2), top}):
        y = legend + plot_h - tick / top * plot_h
        parts.append(f'<line x1="{left}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e7ea"/>')
        parts.append(
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" font-size="{FONT}" fill="#4a545e">'
            f"{tick:g}{escape(unit)}</text>"
        )
    for i, label in enumerate(labels):
        x = left + i * step + (step - bar_w) / 2
        y = legend + plot_h
        for color, (name, values) in zip(PALETTE, series.items(), strict=False):
            h = values[i] / top * plot_h
            if h > 0:
                y -= h
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{color}">'
                    f"<title>{escape(name)}, {escape(label)}: {values[i]:g}{escape(unit)}</title></rect>"
                )
        if totals[i]:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" font-size="{FONT}">'
                f"{totals[i]:g}</text>"
            )
        parts.append(
            f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle" '
            f'font-size="{FONT}" fill="#4a545e">{escape(label)}</text>'
        )
    x = left
    for color, name in zip(PALETTE, series, strict=False):
        parts.append(
            f'<rect x="{x}" y="5" width="12" height="12" fill="{color}"/>'
            f'<text x="{x + 16}" y="16" font-size="{FONT}">{escape(name)}</text>'
        )
        x += 28 + 7.5 * len(name)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every label is escaped above


def funnel(steps: list[tuple[str, int]], *, width: int = 720) -> SafeString:
    """Horizontal bars, one per step, widths relative to the first step."""
    first = max(steps[0][1] if steps else 0, 1)
    row, label_w = 28, 200
    parts = [
        f'<svg viewBox="0 0 {width} {row * len(steps) + 4}" role="img" class="chart" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (name, value) in enumerate(steps):
        w = (width - label_w - 100) * value / first  # room for "1234 (100%)" after the longest
        y = i * row + 2
        parts.append(
            f'<text x="0" y="{y + 16}" font-size="{FONT}">{escape(name)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="22" fill="{PALETTE[0]}">'
            f"<title>{escape(name)}: {value} ({value / first:.0%})</title></rect>"
            f'<text x="{label_w + w + 6:.1f}" y="{y + 16}" font-size="{FONT}">{value} '
            f"({value / first:.0%})</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every label is escaped above
