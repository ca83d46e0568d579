#!/usr/bin/env python3
"""Checks and cuts out the figures of one exercise in a screenshot of `stretch-timer show`.

    figure_sheet_check.py SCREENSHOT.png COLUMNS ROWS FIRST_ROW HEIGHT OUTPUT.png

FIRST_ROW (from 0) is the row of the captions "start" and "stretched"; the figures are the 8
rows under it, each 30 columns wide, after show's indent of 3 and 4 columns apart. Each of the
two figures must put ink on the screen. The rows FIRST_ROW to FIRST_ROW + HEIGHT, 70 columns
wide, are written to OUTPUT.png in 16 colours.
"""
import subprocess
import sys

from xterm_digits_check import read_gray

INDENT, FIGURE_COLUMNS, GAP, FIGURE_ROWS = 3, 30, 4, 8
# Ink: at least this many pixels far from the background. A braille figure of the smallest
# pose (the neck's head and shoulders) makes several hundred; a blank box none.
ENOUGH_INK = 100


def main():
    path, columns, rows, first_row, height, output = sys.argv[1:7]
    columns, rows, first_row, height = int(columns), int(rows), int(first_row), int(height)
    width, image_height, pixels = read_gray(path)
    cell_w = width // columns
    cell_h = image_height // rows
    counts = [0] * 256
    for v in pixels:
        counts[v] += 1
    background = counts.index(max(counts))

    def ink(first_column):
        x0, y0 = first_column * cell_w, (first_row + 1) * cell_h
        return sum(
            1
            for y in range(y0, y0 + FIGURE_ROWS * cell_h)
            for x in range(x0, x0 + FIGURE_COLUMNS * cell_w)
            if abs(pixels[y * width + x] - background) > 80
        )

    start = ink(INDENT)
    stretched = ink(INDENT + FIGURE_COLUMNS + GAP)
    crop = f"{70 * cell_w}x{height * cell_h}+0+{first_row * cell_h}"
    subprocess.run(["convert", path, "-crop", crop, "+repage", "-colors", "16", output], check=True)
    blank = [name for name, count in (("start", start), ("stretched", stretched)) if count < ENOUGH_INK]
    if blank:
        print(f"{output}: no figure on the screen at {' and '.join(blank)} ({start} and {stretched} px of ink)",
              file=sys.stderr)
        return 1
    print(f"{output}: start {start} px of ink, stretched {stretched}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
