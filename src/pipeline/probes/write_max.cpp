// fuelgauge's I/O probe: the most expensive common way to write an answer in C++,
// `std::cout << line << std::endl` per line (a flush each). Its stdin is the expected answer.
#include <iostream>
#include <string>

int main() {
    // Reading the answer is the same in both write probes, and untied: a tied cin would
    // flush cout before every line and price the writing idioms alike.
    std::cin.tie(nullptr);
    std::string line;
    while (std::getline(std::cin, line)) {
        std::cout << line << std::endl;
    }
}
