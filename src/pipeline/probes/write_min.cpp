// fuelgauge's I/O probe: the common C way to write an answer (what the bundled references
// do): printf per line. Its stdin is the expected answer.
#include <cstdio>
#include <iostream>
#include <string>

int main() {
    // Reading the answer is the same in both write probes, and untied: a tied cin would
    // flush cout before every line and price the writing idioms alike.
    std::cin.tie(nullptr);
    std::string line;
    while (std::getline(std::cin, line)) {
        printf("%s\n", line.c_str());
    }
}
