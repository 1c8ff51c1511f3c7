//! The skiff binary: parse, run, exit with the documented code.

fn main() {
    let code = skiff::cli::run_from_args(std::env::args_os());
    std::process::exit(code.code());
}
