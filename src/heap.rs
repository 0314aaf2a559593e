//! The wasm's memory allocator: power-of-two size classes, each with a free
//! list, carved from pages the module grows its memory by.
//!
//! Why not the standard library's dlmalloc: it is about 7 KB of wasm (3 KB
//! brotli), for general-purpose machinery (splitting, coalescing, bins) that
//! a widget's allocations do not need. They are small strings and vectors,
//! the same shapes over and over; a freed block is reused by the next one of
//! its class, so repeated work (a Retry, a widget mounted and removed a
//! hundred times) runs in the same memory. The price is at most 2x rounding
//! per block, and memory never shrinks (neither does dlmalloc's: wasm memory
//! cannot).
//!
//! Single-threaded by construction: the widget's wasm has no threads.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr::null_mut;

/// A wasm memory page.
pub const PAGE: usize = 65_536;

/// The smallest block: room for the free list's link on any target.
const MIN_BLOCK: usize = 8;

/// Size classes 2^0 … 2^63 (only 2^3 and up are used).
const CLASSES: usize = usize::BITS as usize;

/// The class of a block for `size` bytes aligned to `align`: log2 of the
/// block size, or `None` if no block can hold it.
///
/// ```
/// use lede::heap::class_of;
/// assert_eq!(class_of(1, 1), Some(3));
/// assert_eq!(class_of(9, 4), Some(4));
/// assert_eq!(class_of(16, 16), Some(4));
/// assert_eq!(class_of(3, 32), Some(5));
/// assert_eq!(class_of(usize::MAX, 1), None);
/// ```
pub fn class_of(size: usize, align: usize) -> Option<usize> {
    let block = size.max(align).max(MIN_BLOCK).checked_next_power_of_two()?;
    Some(block.trailing_zeros() as usize)
}

/// The allocator's state: the free lists and the unused end of the memory.
pub struct Heap {
    free: [*mut u8; CLASSES],
    /// The first unused byte of the last grown region.
    top: usize,
    /// The end of the last grown region.
    end: usize,
}

impl Heap {
    /// An empty heap; memory comes from `grow` as it is needed.
    pub const fn new() -> Heap {
        Heap {
            free: [null_mut(); CLASSES],
            top: 0,
            end: 0,
        }
    }

    /// A block for `layout`, or null. `grow(pages)` adds pages to the memory
    /// and returns the address where they start, or `None`.
    ///
    /// # Safety
    /// Every block on a free list must have come from this heap's `dealloc`.
    pub unsafe fn alloc(
        &mut self,
        layout: Layout,
        grow: impl FnOnce(usize) -> Option<usize>,
    ) -> *mut u8 {
        let align = layout.align().max(MIN_BLOCK);
        let Some(class) = class_of(layout.size(), align) else {
            return null_mut();
        };
        let Some(head) = self.free.get_mut(class) else {
            return null_mut();
        };
        // A freed block of the class, if it is aligned enough (blocks of a
        // class are all aligned alike, except for rare over-aligned types).
        if !head.is_null() && (*head as usize) % align == 0 {
            let block = *head;
            *head = block.cast::<*mut u8>().read();
            return block;
        }
        self.bump(1 << class, align, grow)
    }

    /// A new block from the end of the memory, growing it if need be.
    fn bump(
        &mut self,
        size: usize,
        align: usize,
        grow: impl FnOnce(usize) -> Option<usize>,
    ) -> *mut u8 {
        if align > PAGE {
            return null_mut();
        }
        let fits = |top: usize, end: usize| {
            let start = top.checked_add(align - 1)? & !(align - 1);
            let next = start.checked_add(size)?;
            (next <= end).then_some((start, next))
        };
        let (start, next) = match fits(self.top, self.end) {
            Some(found) => found,
            None => {
                let Some(pages) = size
                    .checked_add(align)
                    .map(|n| n.div_ceil(PAGE))
                    .filter(|&p| p > 0)
                else {
                    return null_mut();
                };
                let Some(base) = grow(pages) else {
                    return null_mut();
                };
                // Another user of the memory may have grown it in between:
                // then carry on from the new pages.
                if base != self.end {
                    self.top = base;
                }
                self.end = base + pages * PAGE;
                match fits(self.top, self.end) {
                    Some(found) => found,
                    None => return null_mut(),
                }
            }
        };
        self.top = next;
        start as *mut u8
    }

    /// Puts a block back on its class's free list.
    ///
    /// # Safety
    /// `ptr` must have come from `alloc` on this heap with this `layout`.
    pub unsafe fn dealloc(&mut self, ptr: *mut u8, layout: Layout) {
        let align = layout.align().max(MIN_BLOCK);
        if let Some(head) = class_of(layout.size(), align).and_then(|c| self.free.get_mut(c)) {
            ptr.cast::<*mut u8>().write(*head);
            *head = ptr;
        }
    }

    /// Whether a block of `layout` can hold `new_size` bytes as it is.
    pub fn fits_in_place(layout: Layout, new_size: usize) -> bool {
        let align = layout.align().max(MIN_BLOCK);
        class_of(layout.size(), align) == class_of(new_size, align)
    }
}

impl Default for Heap {
    fn default() -> Heap {
        Heap::new()
    }
}

/// The global allocator of the wasm build.
pub struct Allocator(UnsafeCell<Heap>);

// SAFETY: the wasm build has one thread, so the heap is never shared.
unsafe impl Sync for Allocator {}

impl Allocator {
    /// An allocator with an empty heap.
    pub const fn new() -> Allocator {
        Allocator(UnsafeCell::new(Heap::new()))
    }
}

impl Default for Allocator {
    fn default() -> Allocator {
        Allocator::new()
    }
}

/// Grows the wasm memory by `pages`; the address of the first new byte.
#[cfg(target_arch = "wasm32")]
fn grow(pages: usize) -> Option<usize> {
    let before = core::arch::wasm32::memory_grow(0, pages);
    (before != usize::MAX).then(|| before * PAGE)
}

/// Natively there is no wasm memory to grow: the allocator is only tested
/// through [`Heap`] there.
#[cfg(not(target_arch = "wasm32"))]
fn grow(_pages: usize) -> Option<usize> {
    None
}

// SAFETY: one thread (see above), and no allocation happens inside these
// calls, so no call re-enters the heap while it is borrowed.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        (*self.0.get()).alloc(layout, grow)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        (*self.0.get()).dealloc(ptr, layout);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Growing within the block's class (a vector or string filling up)
        // costs nothing.
        if Heap::fits_in_place(layout, new_size) {
            return ptr;
        }
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return null_mut();
        };
        let new = self.alloc(new_layout);
        if !new.is_null() {
            std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        new
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// A fake wasm memory: page-aligned pages handed out in order.
    struct Memory {
        base: usize,
        pages: usize,
        used: usize,
    }

    impl Memory {
        fn new(pages: usize) -> Memory {
            // Leaked on purpose: blocks point into it for the whole test.
            let raw: &'static mut [u8] =
                Box::leak(vec![0u8; (pages + 1) * PAGE].into_boxed_slice());
            let addr = raw.as_mut_ptr() as usize;
            Memory {
                base: addr.next_multiple_of(PAGE),
                pages,
                used: 0,
            }
        }

        fn grow(&mut self) -> impl FnOnce(usize) -> Option<usize> + '_ {
            move |n| {
                if self.used + n > self.pages {
                    return None;
                }
                let at = self.base + self.used * PAGE;
                self.used += n;
                Some(at)
            }
        }
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn blocks_are_aligned_disjoint_and_reused() {
        let mut mem = Memory::new(64);
        let mut heap = Heap::new();
        let mut blocks = Vec::new();
        for (n, (size, align)) in [
            (1, 1),
            (24, 8),
            (100, 4),
            (3, 32),
            (5000, 8),
            (7, 1),
            (70_000, 16),
        ]
        .into_iter()
        .cycle()
        .take(70)
        .enumerate()
        {
            let l = layout(size, align);
            let p = unsafe { heap.alloc(l, mem.grow()) };
            assert!(!p.is_null());
            assert_eq!(p as usize % align, 0);
            // Write the whole block: any overlap with another shows below.
            unsafe { std::ptr::write_bytes(p, n as u8, size) };
            blocks.push((p, l, n as u8));
        }
        for &(p, l, tag) in &blocks {
            let bytes = unsafe { std::slice::from_raw_parts(p, l.size()) };
            assert!(
                bytes.iter().all(|&b| b == tag),
                "block {tag} was overwritten"
            );
        }
        let pages = mem.used;
        // Free everything and allocate it all again: no new page.
        for &(p, l, _) in &blocks {
            unsafe { heap.dealloc(p, l) };
        }
        for &(_, l, _) in &blocks {
            assert!(!unsafe { heap.alloc(l, mem.grow()) }.is_null());
        }
        assert_eq!(mem.used, pages);
    }

    #[test]
    fn a_freed_block_goes_to_the_next_of_its_class_only() {
        let mut mem = Memory::new(4);
        let mut heap = Heap::new();
        let a = unsafe { heap.alloc(layout(40, 8), mem.grow()) };
        unsafe { heap.dealloc(a, layout(40, 8)) };
        let small = unsafe { heap.alloc(layout(8, 8), mem.grow()) };
        assert_ne!(small, a);
        let same_class = unsafe { heap.alloc(layout(64, 8), mem.grow()) };
        assert_eq!(same_class, a);
        // An over-aligned request skips a block that is not aligned enough.
        let b = unsafe { heap.alloc(layout(64, 8), mem.grow()) };
        let misaligned = b as usize % 64 != 0;
        unsafe { heap.dealloc(b, layout(64, 8)) };
        let c = unsafe { heap.alloc(layout(64, 64), mem.grow()) };
        assert_eq!(c as usize % 64, 0);
        assert_eq!(c == b, !misaligned);
    }

    #[test]
    fn out_of_memory_is_null_not_a_panic() {
        let mut mem = Memory::new(2);
        let mut heap = Heap::new();
        assert!(unsafe { heap.alloc(layout(3 * PAGE, 8), mem.grow()) }.is_null());
        assert!(unsafe { heap.alloc(layout(8, 2 * PAGE), mem.grow()) }.is_null());
        assert!(!unsafe { heap.alloc(layout(PAGE, 8), mem.grow()) }.is_null());
    }

    #[test]
    fn growing_in_place_within_a_class() {
        assert!(Heap::fits_in_place(layout(9, 1), 16));
        assert!(!Heap::fits_in_place(layout(16, 1), 17));
        assert!(Heap::fits_in_place(layout(100, 8), 128));
        // Shrinking to a smaller class moves, so that the block is not lost.
        assert!(!Heap::fits_in_place(layout(100, 8), 3));
    }
}
