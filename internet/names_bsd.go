//go:build darwin || dragonfly || freebsd || netbsd || openbsd

// The reactors darwin and the BSDs offer: kqueue (the default), poll and
// select.

package internet

// reactorKinds lists this platform's reactors, default first.
var reactorKinds = []reactorKind{
	{name: "kqueue", newPoller: newKqueuePoller},
	{name: "poll", newPoller: newPollPoller},
	{name: "select", newPoller: newSelectPoller},
}
