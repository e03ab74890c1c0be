package internet

import "golang.org/x/sys/unix"

// Hooks into the TCP port for the tests in package internet_test.

// SetAcceptHook makes Port.DoRead call f instead of accept(2) until
// restore is called. Call it while no reactor runs.
func SetAcceptHook(f func(fd int) (int, unix.Sockaddr, error)) (restore func()) {
	old := acceptHook
	acceptHook = f
	return func() { acceptHook = old }
}

// SysAccept is the real accept(2) of this platform.
var SysAccept = sysAccept
