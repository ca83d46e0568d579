#!/usr/bin/env python3
"""Checks a screenshot of the session screen for stray columns in the big digits.

    xterm_digits_check.py SCREENSHOT.png COLUMNS ROWS

Every cell of the digit area must be one solid colour: all ink (a block) or all background.
A lighter line inside a block (a glyph narrower than its cell, or a gap between rows) or a
sliver of ink in a blank cell (a glyph wider than its cell) is a stray column. Reads the
image through ImageMagick (`convert ... pgm:-`).
"""
import subprocess
import sys


def read_gray(path):
    data = subprocess.run(["convert", path, "-colorspace", "Gray", "-depth", "8", "pgm:-"],
                          check=True, capture_output=True).stdout
    # P5 header: magic, width, height, maxval, each separated by whitespace.
    fields = []
    i = 0
    while len(fields) < 4:
        while data[i:i + 1].isspace():
            i += 1
        j = i
        while not data[j:j + 1].isspace():
            j += 1
        fields.append(data[i:j])
        i = j
    width, height = int(fields[1]), int(fields[2])
    pixels = data[i + 1:]
    return width, height, pixels


def digit_rows(rows):
    return 5 * max(1, min(4, rows // 15))  # as digit_scale() in the view model


def main():
    path, columns, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    width, height, pixels = read_gray(path)
    cell_w = width // columns
    cell_h = height // rows
    # The background: the most common grey of the screen; the ink: the other extreme.
    counts = [0] * 256
    for v in pixels:
        counts[v] += 1
    background = counts.index(max(counts))
    ink = 0 if background > 127 else 255
    top_row, left_col, digit_cols = 6, 2, 26

    def check(ox, oy):
        problems = []
        ink_cells = 0
        for row in range(top_row, top_row + digit_rows(rows)):
            for col in range(left_col, left_col + digit_cols):
                x0, y0 = ox + col * cell_w, oy + row * cell_h
                values = [pixels[y * width + x] for y in range(y0, y0 + cell_h) for x in range(x0, x0 + cell_w)]
                centre = pixels[(y0 + cell_h // 2) * width + x0 + cell_w // 2]
                expected = ink if abs(centre - ink) < abs(centre - background) else background
                ink_cells += expected == ink
                off = [v for v in values if abs(v - expected) > 40]
                if off:
                    kind = "a streak inside a block" if expected == ink else "a sliver of a block beside it"
                    problems.append(f"cell row {row}, column {col}: {kind} ({len(off)} of {len(values)} px)")
        return problems, ink_cells

    # The cells may start a pixel or two in from the window's edge (an inner border): the grid
    # is taken where it fits best.
    problems, ink_cells = min((check(ox, oy) for ox in range(3) for oy in range(3)), key=lambda r: len(r[0]))
    if ink_cells == 0:
        print(f"{path}: no digits found in the digit area", file=sys.stderr)
        return 1
    if problems:
        print(f"{path}: {len(problems)} cells of the digits are not one solid colour:", file=sys.stderr)
        for p in problems[:8]:
            print("  " + p, file=sys.stderr)
        return 1
    print(f"{path}: digits clean ({ink_cells} solid cells, each {cell_w}x{cell_h} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
