# The wasm features the Rust toolchain emits by default for
# wasm32-unknown-unknown, for every wasm-opt run on Lede's wasm (sourced).
WASM_FEATURES="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue"
