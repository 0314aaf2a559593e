//! The small build's start: as the main one (`src/main.rs`), without a
//! panic hook (release builds set none).

fn main() {
    lede::mount::prepare();
}
