// Package reqconntest holds what the tests of reqconn-based examples
// share: a recording transport that can stand in for one whose buffer
// fills, and the ways of splitting input into reads that every parser
// must answer identically.
package reqconntest
