/* O(n^2) pair loop: count pairs with a[i] + a[j] divisible by 7, n = 12000. */
#include <stdio.h>
#include <stdint.h>

static int a[12000];

int main(void) {
    const int n = 12000;
    uint32_t x = 7;
    for (int i = 0; i < n; i++) { x = x * 1664525u + 1013904223u; a[i] = (int)(x >> 4); }
    long long count = 0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            count += ((a[i] + a[j]) % 7 == 0);
    printf("%lld\n", count);
    return 0;
}
