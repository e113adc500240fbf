// fuelgauge's I/O probe: the most expensive common way to read a stdio input in C++,
// `std::cin >>` for every token (a number, else a word), synced with stdio and tied to cout
// (the defaults). Its cost over read_min.cpp is part of the I/O-idiom allowance (prepare.rs).
#include <iostream>
#include <string>

int main() {
    std::string word;
    long long number;
    for (;;) {
        if (std::cin >> number) {
            continue;
        }
        if (std::cin.eof()) {
            break;
        }
        std::cin.clear();
        if (!(std::cin >> word)) {
            break;
        }
    }
}
