//! The small build's start-up: the same as the main one (`src/main.rs`).

fn main() {
    lede::mount::start();
}
