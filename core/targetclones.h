#pragma once

// BACKPROP_CLONES_FOR_AVX2 before a function compiles it twice, for AVX2 and for the
// baseline x86-64, and the dynamic loader picks one when the program starts (GCC's
// target_clones): the portable build's hot loops run eight floats or four doubles an
// instruction where the processor can.
//
// A target_clones function is chosen by an ifunc resolver that the dynamic loader runs
// before ThreadSanitizer's runtime exists; the resolver is instrumented and crashes the
// program before main. A TSan build checks threads, not speed: one baseline copy there.
#if defined(__SANITIZE_THREAD__)
#define BACKPROP_CLONES_FOR_AVX2
#else
#define BACKPROP_CLONES_FOR_AVX2 [[gnu::target_clones("avx2", "default")]]
#endif
