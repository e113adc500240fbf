# One pass: f = sum of minima of subarrays ending at i, maintained with a stack of
# (value, count) blocks; popping merges blocks whose minimum is now a[i].
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    st = []          # (value, how many subarray starts currently have this minimum)
    f = 0
    total = 0
    for x in map(int, data[1:1 + n]):
        cnt = 1
        while st and st[-1][0] >= x:
            v, c = st.pop()
            f -= v * c
            cnt += c
        st.append((x, cnt))
        f += x * cnt
        total += f
    print(total)


main()
