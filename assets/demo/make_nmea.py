#!/usr/bin/env python3
"""A reproducible NMEA 0183 log for location demos and tests (鄂州 ≈ 30.39 N, 114.89 E).

    python3 assets/demo/make_nmea.py > assets/demo/ezhou-walk.nmea   # (re)write the log
    python3 assets/demo/make_nmea.py --check assets/demo/ezhou-walk.nmea

An inspector's approach to a (fictional) plant in 鄂州 on 2026-11-28, 09:30 Beijing time
(01:30 UTC): a cold start with no fix for four seconds, then one GGA + RMC pair a second
for a walk from the car park to the gate, along the fence and back to the gate, about
three minutes. Receivers report UTC, so do the sentences. No randomness and no clock:
the small wobble in position and HDOP comes from fixed sine terms, so every run writes
the same bytes. The platform tests read the first fix and the end point from this file.
"""

from __future__ import annotations

import math
import sys

START_UTC = (1, 30, 0)  # 01:30:00 UTC = 09:30 +08:00
DATE = "281126"  # ddmmyy
NO_FIX_SECONDS = 4
# Waypoints (lat, lon) in degrees and the seconds taken to reach each from the previous.
WAYPOINTS = [
    ((30.391200, 114.894300), 0),  # car park, first fix
    ((30.391980, 114.895150), 80),  # plant gate
    ((30.392400, 114.895050), 35),  # along the west fence
    ((30.392350, 114.894600), 30),  # north-west corner, discharge outlet
    ((30.391980, 114.895150), 45),  # back to the gate
]
GEOID_SEPARATION_M = -12.3
KNOTS_PER_MPS = 1.0 / 0.514444


def checksum(body: str) -> str:
    c = 0
    for ch in body.encode("ascii"):
        c ^= ch
    return f"{c:02X}"


def sentence(body: str) -> str:
    return f"${body}*{checksum(body)}"


def hhmmss(second: int) -> str:
    h, m, s = START_UTC
    total = h * 3600 + m * 60 + s + second
    return f"{total // 3600 % 24:02d}{total // 60 % 60:02d}{total % 60:02d}.00"


def ddmm(value: float, degree_digits: int) -> str:
    deg = int(value)
    minutes = (value - deg) * 60.0
    return f"{deg:0{degree_digits}d}{minutes:07.4f}"


def track() -> list[tuple[float, float]]:
    points = [WAYPOINTS[0][0]]
    for (a, _), (b, seconds) in zip(WAYPOINTS, WAYPOINTS[1:]):
        for i in range(1, seconds + 1):
            t = i / seconds
            points.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
    return points


def metres(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """(north, east) metres from a to b, flat-earth: good to centimetres over 200 m."""
    north = (b[0] - a[0]) * 111_320.0
    east = (b[1] - a[1]) * 111_320.0 * math.cos(math.radians(a[0]))
    return north, east


def lines() -> list[str]:
    out = []
    for s in range(NO_FIX_SECONDS):
        t = hhmmss(s)
        out.append(sentence(f"GPGGA,{t},,,,,0,00,99.9,,M,,M,,"))
        out.append(sentence(f"GPRMC,{t},V,,,,,,,{DATE},,,N"))
    pts = track()
    for i, (lat, lon) in enumerate(pts):
        t = hhmmss(NO_FIX_SECONDS + i)
        # A receiver's wobble: a few decimetres, slow.
        lat_w = lat + 0.0000025 * math.sin(i / 7.0)
        lon_w = lon + 0.0000025 * math.cos(i / 9.0)
        hdop = 0.9 + 0.3 * (0.5 + 0.5 * math.sin(i / 23.0))
        sats = 9 + (i // 40) % 4
        alt = 24.6 + 0.8 * math.sin(i / 31.0)
        if i + 1 < len(pts):
            north, east = metres(pts[i], pts[i + 1])
        else:
            north, east = 0.0, 0.0
        speed_kn = math.hypot(north, east) * KNOTS_PER_MPS
        course = (math.degrees(math.atan2(east, north)) + 360.0) % 360.0
        lat_s, lon_s = ddmm(lat_w, 2), ddmm(lon_w, 3)
        out.append(sentence(f"GPGGA,{t},{lat_s},N,{lon_s},E,1,{sats:02d},{hdop:.1f},"
                            f"{alt:.1f},M,{GEOID_SEPARATION_M:.1f},M,,"))
        out.append(sentence(f"GPRMC,{t},A,{lat_s},N,{lon_s},E,{speed_kn:.2f},{course:.1f},"
                            f"{DATE},,,A"))
    return out


def main() -> int:
    text = "".join(line + "\r\n" for line in lines())
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        with open(sys.argv[2], "rb") as f:
            committed = f.read().decode("ascii")
        for n, line in enumerate(committed.splitlines(), 1):
            body, _, given = line[1:].partition("*")
            if not line.startswith("$") or checksum(body) != given:
                print(f"line {n}: bad checksum", file=sys.stderr)
                return 1
        if committed != text:
            print("the log differs from what this script writes", file=sys.stderr)
            return 1
        return 0
    sys.stdout.buffer.write(text.encode("ascii"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
