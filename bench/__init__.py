"""The benchmark: `make bench`. Not part of the test suite; see docs/en/contribute/performance.md."""
