// fuelgauge's I/O probe: the common C way to read a stdio input (what the bundled references
// do): scanf for every token, "%lld" for a number, else "%s".
#include <cstdio>

static char word[1 << 20];

int main() {
    long long number;
    for (;;) {
        const int read = scanf("%lld", &number);
        if (read == 1) {
            continue;
        }
        if (read == EOF || scanf("%1048575s", word) != 1) {
            break;
        }
    }
}
