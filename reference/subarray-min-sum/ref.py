import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    # a[i] is "the" minimum of the subarrays where it is the leftmost smallest value:
    # left[i] = previous index with a value <= a[i], right[i] = next index with a value < a[i].
    left = [-1] * n
    st = []
    for i in range(n):
        x = a[i]
        while st and a[st[-1]] > x:
            st.pop()
        left[i] = st[-1] if st else -1
        st.append(i)
    right = [n] * n
    st = []
    for i in range(n - 1, -1, -1):
        x = a[i]
        while st and a[st[-1]] >= x:
            st.pop()
        right[i] = st[-1] if st else n
        st.append(i)
    print(sum(a[i] * (i - left[i]) * (right[i] - i) for i in range(n)))


main()
