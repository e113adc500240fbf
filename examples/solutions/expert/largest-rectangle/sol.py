# Nearest smaller bar on each side with two monotonic-stack passes; area = h[i] * (right - left - 1).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    left = [-1] * n
    st = []
    for i in range(n):
        x = h[i]
        while st and h[st[-1]] >= x:
            st.pop()
        left[i] = st[-1] if st else -1
        st.append(i)
    right = [n] * n
    st = []
    for i in range(n - 1, -1, -1):
        x = h[i]
        while st and h[st[-1]] >= x:
            st.pop()
        right[i] = st[-1] if st else n
        st.append(i)
    print(max(h[i] * (right[i] - left[i] - 1) for i in range(n)))


main()
