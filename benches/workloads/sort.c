/* Sort 1 million pseudo-random ints with qsort-free introsort-like quicksort + checksum. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

static void sort(uint32_t *a, long lo, long hi) {
    while (hi - lo > 16) {
        uint32_t p = a[lo + (hi - lo) / 2];
        long i = lo, j = hi - 1;
        while (i <= j) {
            while (a[i] < p) i++;
            while (a[j] > p) j--;
            if (i <= j) { uint32_t t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { sort(a, lo, j + 1); lo = i; } else { sort(a, i, hi); hi = j + 1; }
    }
    for (long k = lo + 1; k < hi; k++) {
        uint32_t v = a[k]; long m = k - 1;
        while (m >= lo && a[m] > v) { a[m + 1] = a[m]; m--; }
        a[m + 1] = v;
    }
}

int main(void) {
    const long n = 1000000;
    uint32_t *a = malloc(n * sizeof *a);
    uint32_t x = 12345;
    for (long i = 0; i < n; i++) { x = x * 1664525u + 1013904223u; a[i] = x; }
    sort(a, 0, n);
    uint64_t h = 0;
    for (long i = 0; i < n; i += 997) h = h * 31 + a[i];
    printf("%llu\n", (unsigned long long)h);
    return 0;
}
