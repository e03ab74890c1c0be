// Package reactor holds the process-wide reactor: the one a program runs
// when it does not pass reactors around explicitly.
//
// The first use of the reactor — Get, or any package-level function such
// as Run or CallLater — installs the platform's default (epoll on Linux,
// kqueue on darwin and the BSDs). To use another, install it before that:
// with Install, or by name with InstallByName (for a --reactor flag; Names
// lists the choices). Installing after first use, or twice, returns
// interfaces.ErrReactorAlreadyInstalled.
//
// The package is a thin convenience over package internet, whose reactors
// are plain values: libraries and tests should take an interfaces.Reactor
// (or a narrower interface) as a parameter instead of reaching for the
// singleton. See the package example.
//
// Twisted: twisted.internet.reactor and twisted.internet.main.installReactor.
package reactor
