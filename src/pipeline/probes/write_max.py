# fuelgauge's I/O probe: the most expensive common way to write an answer in Python, one
# print() per line. Its stdin is the expected answer.
import sys

lines = sys.stdin.read().split("\n")
if lines and lines[-1] == "":
    lines.pop()
for line in lines:
    print(line)
