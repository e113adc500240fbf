# fuelgauge's I/O probe: the cheapest common way to write an answer in Python (what the
# bundled references do): the lines joined and written once. Its stdin is the expected answer.
import sys

lines = sys.stdin.read().split("\n")
if lines and lines[-1] == "":
    lines.pop()
sys.stdout.write("\n".join(lines) + ("\n" if lines else ""))
