#!/usr/bin/env python3
"""Write a deterministic colour test picture as binary PPM to stdout.

The tests turn it into a real JPEG with cjpeg at build time, so no binary test data is
committed. Usage: make_sample_ppm.py WIDTH HEIGHT SEED [noise]; with `noise` every pixel is
random, a picture JPEG cannot shrink (large photos for upload tests).
"""
import random
import sys

width, height, seed = (int(a) for a in sys.argv[1:4])
rng = random.Random(seed)
out = bytearray(f"P6\n{width} {height}\n255\n".encode())
if sys.argv[4:] == ["noise"]:
    sys.stdout.buffer.write(bytes(out) + rng.randbytes(width * height * 3))
    sys.exit(0)
for y in range(height):
    for x in range(width):
        noise = rng.randrange(32)
        out += bytes(((x * 255 // width + noise) % 256, (y * 255 // height) % 256, (x ^ y) % 256))
sys.stdout.buffer.write(out)
