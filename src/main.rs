fn main() -> std::process::ExitCode {
    fuelgauge::cli::main()
}
