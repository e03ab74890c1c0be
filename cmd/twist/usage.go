// Help and version text.

package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/twistgo/twistgo/reactor"
)

// writeUsage prints the help of `twist --help`.
func writeUsage(w io.Writer) {
	fmt.Fprintf(w, `usage: twist [global flags] SERVICE [service flags]

Runs one network service on a Twistgo reactor until SIGINT or SIGTERM, then
closes its ports and exits 0. It logs one "listening on HOST:PORT" line per
endpoint. Bad flags exit 2; a port that cannot be opened exits 1.

Global flags:
  --reactor NAME     the reactor to run: %s (default: the platform's)
  --listen ENDPOINT  where to listen; repeatable; default per service:
                       tcp:PORT[:interface=IP][:backlog=N][:maxConnections=M]
                       tcp6:PORT[:interface=IP6][:backlog=N][:maxConnections=M]
                       unix:PATH[:mode=OCTAL][:backlog=N][:maxConnections=M]
                       udp:PORT[:interface=IP][:maxPacketSize=N]  (datagram services)
  --log-level LEVEL  debug, info, warn or error (default info)
  --help             show this help
  --version          print the version

Services:
`, strings.Join(reactor.Names(), ", "))
	for _, s := range services {
		fmt.Fprintf(w, "  %-12s %s\n  %-12s default: --listen %s\n", s.name, s.summary, "", strings.Join(s.listen, " --listen "))
	}
	fmt.Fprintln(w, "\nRun `twist SERVICE --help` for a service's own flags.")
}

// writeUsage prints the help of `twist SERVICE --help`.
func (s *service) writeUsage(w io.Writer) {
	fmt.Fprintf(w, "usage: twist [global flags] %s", s.name)
	if s.flagHelp != "" {
		fmt.Fprint(w, " [flags]")
	}
	fmt.Fprintf(w, "\n\n%s%s.\nDefault: --listen %s\n", strings.ToUpper(s.summary[:1]), s.summary[1:], strings.Join(s.listen, " --listen "))
	if s.udp != nil {
		fmt.Fprintln(w, "It speaks UDP too: give a udp:PORT endpoint.")
	}
	if s.flagHelp != "" {
		fmt.Fprintf(w, "\nFlags:\n%s", s.flagHelp)
	}
}

// versionLine is what `twist --version` prints: the module version from
// the build information ("(devel)" in a work tree) and the Go version.
func versionLine() string {
	v := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		v = info.Main.Version
	}
	return fmt.Sprintf("twist %s %s %s/%s", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
