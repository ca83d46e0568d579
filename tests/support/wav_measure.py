"""What check_wav.py and check_session_wav.py both measure in a WAV written by stretch-timer
--audio-file, with Python's own wave module."""
import array
import math
import sys
import wave

WINDOW = 0.01  # seconds per RMS window
QUIET = 150    # RMS of a silent window, of 32767
LOUD = 600     # RMS of a window with sound in it


def load(path):
    """(sample rate, samples) of a mono 16-bit WAV; exits naming the file for any other."""
    with wave.open(path, "rb") as w:
        if w.getnchannels() != 1 or w.getsampwidth() != 2:
            sys.exit(f"{path}: expected mono 16-bit, found {w.getnchannels()} channels of {8 * w.getsampwidth()} bits")
        rate = w.getframerate()
        samples = array.array("h", w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return rate, samples


def goertzel(samples, rate, hz, a, b):
    """The level of the pitch hz from a to b seconds (one bin of a Fourier transform)."""
    w = 2 * math.pi * hz / rate
    c = 2 * math.cos(w)
    s1 = s2 = 0.0
    seg = samples[max(0, int(a * rate)):int(b * rate)]
    for x in seg:
        s0 = x + c * s1 - s2
        s2, s1 = s1, s0
    return math.sqrt(max(s1 * s1 + s2 * s2 - c * s1 * s2, 0.0)) / max(1, len(seg))
