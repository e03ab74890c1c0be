package internet

// Hooks into the TCP port for the tests in package internet_test.

// SetAcceptHook makes Port.DoRead call f instead of accept(2) until
// restore is called. Call it while no reactor runs.
func SetAcceptHook(f func(fd int, b *AcceptBuf) (int, error)) (restore func()) {
	old := acceptHook
	acceptHook = f
	return func() { acceptHook = old }
}

// AcceptBuf is where accept(2) writes the peer's address.
type AcceptBuf = acceptBuf

// SysAccept is the real accept(2) of this platform.
var SysAccept = sysAccept
