# fuelgauge's I/O probe: the most expensive common way to read a stdio input in Python,
# input() per line, split, int() for each number. Its cost over read_min.py is part of the
# I/O-idiom allowance (see prepare.rs).
def value(token):
    return int(token) if token.lstrip("-").isdigit() else token


try:
    while True:
        values = list(map(value, input().split()))
except EOFError:
    pass
