//go:build darwin || dragonfly || freebsd || netbsd || openbsd

// Systems without abstract UNIX socket names: "@name" is an ordinary
// file name.

package internet

// abstractNames says "@name" paths are files here.
const abstractNames = false
