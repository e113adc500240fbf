/* Open-addressing hash map: 2 million inserts/updates over 500k distinct keys. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(void) {
    const uint32_t cap = 1u << 20;
    uint32_t *keys = calloc(cap, sizeof *keys);
    uint32_t *vals = calloc(cap, sizeof *vals);
    uint32_t x = 99;
    for (int i = 0; i < 2000000; i++) {
        x = x * 1103515245u + 12345u;
        uint32_t k = (x >> 8) % 500000 + 1;
        uint32_t h = (k * 2654435761u) & (cap - 1);
        while (keys[h] && keys[h] != k) h = (h + 1) & (cap - 1);
        keys[h] = k;
        vals[h] += i & 7;
    }
    uint64_t s = 0;
    for (uint32_t i = 0; i < cap; i++) s += (uint64_t)keys[i] * vals[i];
    printf("%llu\n", (unsigned long long)s);
    return 0;
}
