/* Pointer chasing over a 16 MiB random cycle: cache- and TLB-missing memory access. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(void) {
    const uint32_t n = 4u << 20;
    uint32_t *next = malloc(n * sizeof *next);
    for (uint32_t i = 0; i < n; i++) next[i] = i;
    uint32_t x = 1;
    for (uint32_t i = n - 1; i > 0; i--) {          /* Sattolo: one big cycle */
        x = x * 1664525u + 1013904223u;
        uint32_t j = x % i;
        uint32_t t = next[i]; next[i] = next[j]; next[j] = t;
    }
    uint32_t p = 0;
    uint64_t s = 0;
    for (int step = 0; step < 2000000; step++) { p = next[p]; s += p; }
    printf("%llu\n", (unsigned long long)s);
    return 0;
}
