#!/usr/bin/env python3
"""Checks and cuts out the figures of one exercise in a screenshot of `stretch-timer show`.

    figure_sheet_check.py SCREENSHOT.png SHOW.txt COLUMNS ROWS HEIGHT OUTPUT.png

SHOW.txt is the text show printed into the window (COLUMNS x ROWS cells, the text from the top
row). The figures are found in it: rows of figures, each row a line of captions and the
figures' HEIGHT lines under it, a blank line between rows, after show's indent of 3 and 4 columns
apart. Each figure must put ink on the screen where the text says it is. The lines of the
figures (and the note on the mirror image after them, if any), 80 columns wide, are written
to OUTPUT.png in 16 colours.
"""
import subprocess
import sys

from xterm_digits_check import read_gray

INDENT, GAP = 3, 4
# Ink: at least this many pixels far from the background. A braille figure of the smallest
# pose (the neck's head and shoulders) makes several hundred; a blank box none.
ENOUGH_INK = 100


def is_drawing(line):
    """A line of figures: braille dots, or ASCII drawn from the renderer's characters."""
    return any(0x2800 <= ord(c) <= 0x28FF for c in line) or (line.startswith("   ") and set(line.strip()) <= set("O|/\\-_ "))


def is_figure_row(lines, caption, height):
    """Whether `caption` is a line of captions: text, then `height` lines of figures (some may
    be blank), the last with something drawn (a figure stands on its box's bottom row), then
    nothing more of them."""
    if caption + height >= len(lines) or not lines[caption].startswith("   ") or is_drawing(lines[caption]):
        return False
    under = lines[caption + 1:caption + height + 1]
    after = lines[caption + height + 1] if caption + height + 1 < len(lines) else ""
    return (all(not line.strip() or is_drawing(line) for line in under) and is_drawing(under[-1])
            and (not after.strip() or "mirror image" in after))


def figure_layout(lines, height):
    """(first line, last line, figures): the figure block's lines and each figure's
    (line, column, width, height) box, from the captions' places. None without figures."""
    first = next((i for i in range(len(lines)) if is_figure_row(lines, i, height)), None)
    if first is None:
        return None
    words = lines[first]
    # The second caption starts after the first figure's width and the gap.
    starts = [i for i in range(INDENT + 1, len(words)) if words[i] != " " and words[i - GAP:i] == " " * GAP]
    if not starts:
        return None
    width = starts[0] - INDENT - GAP
    figures = []
    row = first
    while True:
        for column in range(INDENT, len(lines[row]), width + GAP):
            if lines[row][column:column + width].strip():
                figures.append((row + 1, column, width, height))
        last = row + height
        if not is_figure_row(lines, row + height + 2, height) or lines[row + height + 1].strip():
            break
        row += height + 2  # the figures, then a blank line
    if last + 1 < len(lines) and "mirror image" in lines[last + 1]:
        last += 1
    return first, last, figures


def main():
    path, show, columns, rows, height, output = sys.argv[1:7]
    columns, rows, height = int(columns), int(rows), int(height)
    with open(show, encoding="utf-8") as f:
        lines = f.read().split("\n")
    layout = figure_layout(lines, height)
    if layout is None:
        print(f"{show}: show prints no figures", file=sys.stderr)
        return 1
    first, last, figures = layout
    width, image_height, pixels = read_gray(path)
    cell_w = width // columns
    cell_h = image_height // rows
    counts = [0] * 256
    for v in pixels:
        counts[v] += 1
    background = counts.index(max(counts))

    def ink(line, column, w, h):
        x0, y0 = column * cell_w, line * cell_h
        return sum(
            1
            for y in range(y0, y0 + h * cell_h)
            for x in range(x0, x0 + w * cell_w)
            if abs(pixels[y * width + x] - background) > 80
        )

    found = [ink(*box) for box in figures]
    crop = f"{80 * cell_w}x{(last - first + 1) * cell_h}+0+{first * cell_h}"
    subprocess.run(["convert", path, "-crop", crop, "+repage", "-colors", "16", output], check=True)
    if len(figures) < 2 or any(count < ENOUGH_INK for count in found):
        print(f"{output}: a figure missing from the screen ({len(figures)} figures, px of ink {found})",
              file=sys.stderr)
        return 1
    print(f"{output}: {len(figures)} figures, px of ink {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
