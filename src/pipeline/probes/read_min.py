# fuelgauge's I/O probe: the cheapest common way to read a stdio input in Python (what the
# bundled references do): the whole input at once, split, int() for each number.
import sys


def value(token):
    return int(token) if token.lstrip(b"-").isdigit() else token


values = list(map(value, sys.stdin.buffer.read().split()))
