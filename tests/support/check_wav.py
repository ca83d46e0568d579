#!/usr/bin/env python3
"""Checks a WAV written by stretch-timer --audio-file with Python's own wave module.

usage: check_wav.py FILE CHECK...
  onset:T        sound begins at T seconds (+-0.15 s): silence in the 0.2 s before T-0.15,
                 and a loud 10 ms window no later than T+0.15
  silent:A:B     no sound from A to B seconds
  tone:T:HZ      at T (+-0.15 s) the pitch HZ stands out (a tone, not speech)
  speech:A:B     sound for at least a third of A to B (words, not a short tone)
  length:T       the file lasts at least T seconds
Exit 0 when every check holds, 1 when one fails, 2 on bad usage.
"""
import math
import sys

from wav_measure import LOUD, QUIET, WINDOW, goertzel, load


def rms(samples, rate, t):
    a = max(0, int(t * rate))
    b = min(len(samples), int((t + WINDOW) * rate))
    if b <= a:
        return 0.0
    return math.sqrt(sum(s * s for s in samples[a:b]) / (b - a))


def windows(a, b):
    t = a
    while t < b - 1e-9:
        yield t
        t += WINDOW


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    rate, samples = load(argv[1])
    length = len(samples) / rate
    failed = 0
    for check in argv[2:]:
        kind, *args = check.split(":")
        args = [float(x) for x in args]
        ok, said = False, ""
        if kind == "onset":
            (t,) = args
            before = max(v for v in [rms(samples, rate, x) for x in windows(t - 0.35, t - 0.15)] + [0.0])
            first = next((x for x in windows(t - 0.15, t + 0.3) if rms(samples, rate, x) > LOUD), None)
            ok = before < QUIET and first is not None and first <= t + 0.15
            said = f"quiet before {before:.0f}, first sound at {first if first is None else round(first, 3)}"
        elif kind == "silent":
            a, b = args
            loudest = max(rms(samples, rate, x) for x in windows(a, b))
            ok = loudest < QUIET
            said = f"loudest window {loudest:.0f}"
        elif kind == "tone":
            t, hz = args
            at = next((x for x in windows(t - 0.15, t + 0.3) if rms(samples, rate, x) > LOUD), t)
            want = goertzel(samples, rate, hz, at, at + 0.08)
            others = [goertzel(samples, rate, hz * r, at, at + 0.08) for r in (0.63, 0.79, 1.26, 1.41)]
            ok = want > 4 * max(others)
            said = f"{hz:.0f} Hz at {want:.1f} against {max(others):.1f}"
        elif kind == "speech":
            a, b = args
            ws = list(windows(a, b))
            loud = sum(1 for x in ws if rms(samples, rate, x) > LOUD)
            ok = loud * 3 >= len(ws)
            said = f"{loud} of {len(ws)} windows with sound"
        elif kind == "length":
            (t,) = args
            ok = length >= t
            said = f"{length:.3f} s"
        else:
            print(f"unknown check {check}", file=sys.stderr)
            return 2
        print(f"{'ok  ' if ok else 'FAIL'} {check}: {said}")
        failed += 0 if ok else 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
