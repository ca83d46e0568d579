#!/usr/bin/env python3
"""Checks the WAV of a whole session (stretch-timer --audio-file) against the session's cues,
with Python's own wave module.

usage: check_session_wav.py FILE CUES.tsv
  CUES.tsv: one cue a line, "AT_MS<TAB>KIND<TAB>WORDS", as the --on-cue hook logged them
  (in any order: the hooks run without waiting for one another).

Checks:
  speech   every cue the voice says (words, and not a countdown, whose tick is heard instead)
           has sound starting within 150 ms of its instant, and goes on like words do
  tone     every hold's end has the hold-end tone (D6 falling to G5) within 150 ms of its
           instant, and every countdown the tick (E6): the pitch stands out three times above
           its neighbours
  silence  every sound in the file begins within 150 ms of a cue's instant: between the cues
           there is nothing
  end      the file lasts at least to the last cue
Prints one line per check; exit 0 when all hold, 1 when one fails, 2 on bad usage.
"""
import math
import sys

from wav_measure import LOUD, QUIET, WINDOW, goertzel, load

SLACK = 0.15        # how far from its cue's instant a sound may begin
GAP = 0.6           # silence this long ends a sound: the next one is a new onset
D6, G5, E6 = 1174.66, 783.99, 1318.51


def window_levels(samples, rate):
    n = int(WINDOW * rate)
    levels = []
    for a in range(0, len(samples) - n + 1, n):
        seg = samples[a:a + n]
        levels.append(math.sqrt(sum(s * s for s in seg) / n))
    return levels


def pitch_near(samples, rate, hz, t, length=0.06):
    """The 60 ms window starting within SLACK of t where the pitch hz stands out most above
    four neighbouring pitches (a tone, not speech or noise): (start, its level, theirs)."""
    best = None
    for step in range(-int(SLACK / WINDOW), int(SLACK / WINDOW) + 1):
        at = t + step * WINDOW
        want = goertzel(samples, rate, hz, at, at + length)
        others = max(goertzel(samples, rate, hz * r, at, at + length) for r in (0.63, 0.79, 1.26, 1.41))
        if best is None or want / max(others, 1e-9) > best[1] / max(best[2], 1e-9):
            best = (at, want, others)
    return best


def onsets(levels):
    """Instants where sound begins after at least GAP of silence (or at the start)."""
    found, quiet_run = [], GAP
    for i, level in enumerate(levels):
        if level > LOUD and quiet_run >= GAP - 1e-9:
            found.append(i * WINDOW)
        quiet_run = quiet_run + WINDOW if level < QUIET else 0.0
    return found


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    rate, samples = load(argv[1])
    levels = window_levels(samples, rate)
    cues = []
    with open(argv[2], encoding="utf-8") as f:
        for line in f:
            at_ms, kind, words = (line.rstrip("\n").split("\t") + ["", ""])[:3]
            cues.append((int(at_ms) / 1000.0, kind, words))
    cues.sort(key=lambda c: c[0])
    length = len(samples) / rate
    print(f"file: {length:.3f} s, {len(cues)} cues, last at {cues[-1][0] if cues else 0:.3f} s")

    def first_sound(t):
        a = max(0, int((t - SLACK) / WINDOW))
        b = min(len(levels), int((t + SLACK) / WINDOW) + 1)
        return next((i * WINDOW for i in range(a, b) if levels[i] > LOUD), None)

    failed = 0

    def report(ok, text):
        nonlocal failed
        print(f"{'ok  ' if ok else 'FAIL'} {text}")
        failed += 0 if ok else 1

    sounding = set()  # instants where a sound is expected to begin
    for t, kind, words in cues:
        spoken = words != "" and kind != "countdown"
        if spoken:
            sounding.add(t)
            first = first_sound(t)
            a, b = int(t / WINDOW), int((t + 0.6) / WINDOW)
            loud = sum(1 for x in levels[a:b] if x > LOUD)
            ok = first is not None and loud * 3 >= b - a
            report(ok, f"speech  {t:7.3f} {kind}: first sound at {first if first is None else round(first, 3)}, "
                       f"{loud} of {b - a} windows loud (\"{words[:40]}\")")
        if kind in ("hold_end", "countdown"):
            sounding.add(t)
            hz = D6 if kind == "hold_end" else E6
            at, want, others = pitch_near(samples, rate, hz, t)
            report(want > LOUD / 100 and want > 3 * others,
                   f"tone    {t:7.3f} {kind}: {hz:.0f} Hz from {at:.2f} at {want:.1f} against {others:.1f}")
        if kind in ("hold_start", "switch_sides", "session_done"):
            sounding.add(t)
    stray = [o for o in onsets(levels) if not any(abs(o - t) <= SLACK for t in sounding)]
    report(not stray, f"silence: {len(onsets(levels))} sounds begin, none away from a cue"
                      + (f"; stray at {', '.join(f'{o:.2f}' for o in stray)}" if stray else ""))
    if cues:
        report(length >= cues[-1][0], f"end: the file lasts past the last cue")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
