package compare

// NaiveCrosswalk exposes the benchmarks' baseline to the external tests.
var NaiveCrosswalk = naiveCrosswalk
