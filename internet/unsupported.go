//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

// Platforms without a reactor: the package still builds, so importers do,
// and every constructor returns ErrUnsupportedPlatform.

package internet

// reactorKinds is empty: this platform offers no reactor.
var reactorKinds []reactorKind
